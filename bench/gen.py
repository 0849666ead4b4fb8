#!/usr/bin/env python3
"""gen.py: a deterministic generator of valid itpnav format-1 datasets at directory scale.

    bench/gen.py N [--seed S] [-o FILE]

N entries (supports and pathways together, about 12% pathways) over a national region tree
(Canada, 13 provinces and territories, 60 regions, 300 cities), with about 1 KB of text a record
drawn from a domain vocabulary (services, specialties, languages, places) with a Zipf-like
spread, so that full-text searches meet the skew a real directory has: a few words everywhere,
most words rare. Quebec's records are partly in French, with accents. The same N and seed always
give the same bytes.
"""

import argparse
import json
import random
import re
import sys
import unicodedata

# ---- the region tree: 13 provinces and territories, 60 regions, 300 cities ----

PROVINCES = [
    # id, name, kind, weight (share of records), regions (name: [cities])
    ("ontario", "Ontario", "province", 38, {
        "Greater Toronto Area": ["Toronto", "Mississauga", "Brampton", "Markham", "Vaughan",
                                 "Richmond Hill", "Oakville", "Pickering", "Ajax", "Whitby",
                                 "Oshawa", "Newmarket", "Aurora", "Milton"],
        "Hamilton and Niagara": ["Hamilton", "Burlington", "St. Catharines", "Niagara Falls",
                                 "Welland", "Grimsby", "Fort Erie"],
        "Eastern Ontario": ["Ottawa", "Kingston", "Belleville", "Cornwall", "Brockville",
                            "Pembroke", "Hawkesbury"],
        "Southwestern Ontario": ["London", "Windsor", "Sarnia", "Chatham", "Woodstock",
                                 "St. Thomas", "Stratford", "Leamington"],
        "Waterloo Wellington": ["Kitchener", "Waterloo", "Cambridge", "Guelph", "Brantford"],
        "Central Ontario": ["Barrie", "Orillia", "Peterborough", "Collingwood", "Owen Sound",
                            "Huntsville"],
        "Northern Ontario": ["Sudbury", "Thunder Bay", "Sault Ste. Marie", "North Bay",
                             "Timmins", "Kenora", "Kapuskasing"],
        "Durham and Kawartha": ["Lindsay", "Cobourg", "Port Hope", "Uxbridge"],
        "Simcoe Muskoka": ["Bracebridge", "Gravenhurst", "Midland", "Wasaga Beach"],
        "Northwestern Ontario": ["Dryden", "Fort Frances", "Sioux Lookout"],
    }),
    ("quebec", "Québec", "province", 21, {
        "Montréal": ["Montréal", "Laval", "Longueuil", "Brossard", "Dorval", "Pointe-Claire",
                     "Terrebonne", "Repentigny"],
        "Capitale-Nationale": ["Québec", "Lévis", "Saint-Augustin-de-Desmaures",
                               "Baie-Saint-Paul"],
        "Estrie": ["Sherbrooke", "Magog", "Granby", "Coaticook"],
        "Outaouais": ["Gatineau", "Maniwaki", "Buckingham"],
        "Mauricie": ["Trois-Rivières", "Shawinigan", "La Tuque"],
        "Saguenay–Lac-Saint-Jean": ["Saguenay", "Alma", "Roberval", "Dolbeau-Mistassini"],
        "Montérégie": ["Saint-Jean-sur-Richelieu", "Saint-Hyacinthe", "Granby-Est",
                       "Châteauguay", "Sorel-Tracy"],
        "Bas-Saint-Laurent": ["Rimouski", "Rivière-du-Loup", "Matane"],
        "Abitibi-Témiscamingue": ["Rouyn-Noranda", "Val-d'Or", "Amos"],
        "Laurentides": ["Saint-Jérôme", "Mirabel", "Mont-Tremblant", "Blainville"],
        "Lanaudière": ["Joliette", "Mascouche", "Rawdon"],
        "Côte-Nord": ["Baie-Comeau", "Sept-Îles"],
    }),
    ("british-columbia", "British Columbia", "province", 14, {
        "Lower Mainland": ["Vancouver", "Surrey", "Burnaby", "Richmond", "Coquitlam",
                           "New Westminster", "North Vancouver", "Langley", "Delta", "Abbotsford"],
        "Vancouver Island": ["Victoria", "Nanaimo", "Courtenay", "Campbell River", "Duncan",
                             "Port Alberni"],
        "Interior": ["Kelowna", "Kamloops", "Vernon", "Penticton", "Nelson", "Cranbrook",
                     "Salmon Arm"],
        "Fraser Valley": ["Chilliwack", "Mission", "Maple Ridge", "Hope"],
        "Northern British Columbia": ["Prince George", "Fort St. John", "Terrace",
                                      "Prince Rupert", "Dawson Creek", "Quesnel"],
    }),
    ("alberta", "Alberta", "province", 12, {
        "Calgary Zone": ["Calgary", "Airdrie", "Cochrane", "Okotoks", "Canmore"],
        "Edmonton Zone": ["Edmonton", "St. Albert", "Sherwood Park", "Spruce Grove",
                          "Leduc", "Fort Saskatchewan"],
        "Bow Valley": ["Banff", "Lake Louise"],
        "Central Alberta": ["Red Deer", "Camrose", "Lacombe", "Wetaskiwin", "Olds"],
        "South Alberta": ["Lethbridge", "Medicine Hat", "Brooks", "Taber"],
        "North Alberta": ["Grande Prairie", "Fort McMurray", "Peace River", "Cold Lake",
                          "Slave Lake"],
    }),
    ("manitoba", "Manitoba", "province", 4, {
        "Winnipeg": ["Winnipeg", "St. Boniface", "Transcona"],
        "Southern Health": ["Steinbach", "Winkler", "Morden", "Portage la Prairie"],
        "Prairie Mountain": ["Brandon", "Dauphin", "Neepawa"],
        "Northern Manitoba": ["Thompson", "The Pas", "Flin Flon"],
        "Interlake-Eastern": ["Selkirk", "Gimli", "Stonewall"],
    }),
    ("saskatchewan", "Saskatchewan", "province", 3, {
        "Saskatoon Area": ["Saskatoon", "Warman", "Martensville", "Humboldt"],
        "Regina Area": ["Regina", "Moose Jaw", "Weyburn", "Estevan"],
        "Northern Saskatchewan": ["Prince Albert", "North Battleford", "Meadow Lake",
                                  "La Ronge", "Lloydminster"],
        "Southern Saskatchewan": ["Yorkton", "Swift Current", "Melfort"],
    }),
    ("nova-scotia", "Nova Scotia", "province", 3, {
        "Central Nova Scotia": ["Halifax", "Dartmouth", "Bedford", "Truro"],
        "Eastern Nova Scotia": ["Sydney", "Antigonish", "New Glasgow", "Port Hawkesbury"],
        "Western Nova Scotia": ["Yarmouth", "Kentville", "Wolfville", "Bridgewater",
                                "Digby", "Amherst"],
    }),
    ("new-brunswick", "New Brunswick", "province", 2, {
        "Southern New Brunswick": ["Saint John", "Fredericton", "Oromocto", "Sussex",
                                   "St. Stephen", "Woodstock NB"],
        "Northern New Brunswick": ["Moncton", "Dieppe", "Bathurst", "Edmundston",
                                   "Campbellton", "Miramichi", "Shediac", "Caraquet"],
    }),
    ("newfoundland-and-labrador", "Newfoundland and Labrador", "province", 1, {
        "Avalon": ["St. John's", "Mount Pearl", "Conception Bay South", "Paradise"],
        "Western Newfoundland": ["Corner Brook", "Stephenville", "Deer Lake",
                                 "Gander", "Grand Falls-Windsor"],
        "Labrador": ["Happy Valley-Goose Bay", "Labrador City", "Nain"],
        "Eastern Newfoundland": ["Clarenville", "Bonavista", "Marystown"],
    }),
    ("prince-edward-island", "Prince Edward Island", "province", 1, {
        "Queens": ["Charlottetown", "Stratford PE", "Cornwall PE"],
        "Prince": ["Summerside", "Alberton", "Kensington"],
    }),
    ("yukon", "Yukon", "territory", 0.3, {
        "Whitehorse Area": ["Whitehorse", "Carcross"],
        "Rural Yukon": ["Dawson City", "Watson Lake", "Haines Junction"],
    }),
    ("northwest-territories", "Northwest Territories", "territory", 0.3, {
        "North Slave": ["Yellowknife", "Behchokǫ̀"],
        "South Slave": ["Hay River", "Fort Smith", "Inuvik"],
    }),
    ("nunavut", "Nunavut", "territory", 0.2, {
        "Qikiqtaaluk": ["Iqaluit", "Pond Inlet", "Pangnirtung"],
        "Kivalliq and Kitikmeot": ["Rankin Inlet", "Arviat", "Cambridge Bay"],
    }),
]

# Synthetic towns pad the real ones to about 300 cities, spread like the population.
TOWN_HEADS = ["Maple", "Cedar", "Pine", "Birch", "Elm", "Spruce", "Willow", "Aspen", "Oak",
              "Stone", "River", "Lake", "Hill", "Fox", "Bear", "Eagle", "Silver", "Clear",
              "North", "South", "Green", "Red", "White", "Grand", "Long", "Rock", "Sand"]
TOWN_TAILS = ["ton", "field", "wood", "brook", "dale", "ville", "view", "ford", "bridge",
              "mount", "bury", "haven", " Falls", " Creek", " Harbour", " Landing", " Bay",
              " Crossing", " Valley", " Springs"]

GOALS = [
    ("residency", "Licensure through residency (CaRMS)",
     "Practise medicine after a residency position obtained through the CaRMS match."),
    ("pra", "Licensure through Practice-Ready Assessment (PRA)",
     "Practise medicine through a practice-ready assessment, an alternative route to licensure."),
    ("clinical-assistant", "Clinical assistant position",
     "Clinical work as a clinical assistant or associate, a stepping stone to licensure."),
    ("alternative-career", "Alternative health career",
     "A commensurate role outside medical practice that uses the skills of ITPs."),
]
GOAL_WEIGHTS = [3, 2, 1.5, 4]

SERVICES = [
    ("networking", "Networking"), ("mentorship", "Mentorship and coaching"),
    ("exam-preparation", "Exam preparation"), ("study-groups", "Study groups"),
    ("licensure-information", "Licensure information and support"),
    ("career-planning", "Career planning"), ("job-search", "Job search support"),
    ("training", "Training and workshops"), ("work-placement", "Work placements"),
    ("credential-recognition", "Credential recognition"), ("loans", "Loans and bursaries"),
    ("advocacy", "Advocacy"), ("settlement", "Settlement"), ("wellness", "Wellness"),
    ("research", "Research"), ("system-navigation", "System navigation"),
    ("community", "Community"),
]

EXAMS = [
    ("mccqe1", "MCCQE Part I"), ("nac", "NAC Examination"),
    ("tdm", "TDM Examination (Therapeutics Decision-Making)"), ("mccqe2", "MCCQE Part II"),
    ("mccee", "MCCEE (retired)"),
]

# ---- vocabulary ----

SPECIALTIES = ["family medicine", "internal medicine", "pediatrics", "psychiatry", "surgery",
               "anesthesiology", "obstetrics", "gynecology", "cardiology", "nephrology",
               "oncology", "radiology", "pathology", "dermatology", "neurology", "ophthalmology",
               "urology", "geriatrics", "emergency medicine", "public health", "epidemiology",
               "endocrinology", "rheumatology", "gastroenterology", "hematology", "orthopedics",
               "palliative care", "sports medicine", "addiction medicine", "infectious diseases"]
CAREERS = ["clinical research coordinator", "health policy analyst", "medical writer",
           "physician assistant", "clinical associate", "community health worker",
           "pharmaceutical liaison", "health informatics specialist", "epidemiologist",
           "public health officer", "care coordinator", "medical interpreter",
           "laboratory technologist", "diagnostic sonographer", "respiratory therapist",
           "health educator", "program evaluator", "clinical trial monitor",
           "quality improvement advisor", "patient navigator", "mental health counsellor",
           "occupational health consultant", "biostatistician", "telehealth coordinator"]
COMMUNITIES = ["Filipino", "Nigerian", "Indian", "Pakistani", "Iranian", "Syrian", "Ukrainian",
               "Egyptian", "Lebanese", "Chinese", "Korean", "Colombian", "Venezuelan",
               "Mexican", "Brazilian", "Ethiopian", "Eritrean", "Somali", "Sudanese", "Afghan",
               "Bangladeshi", "Sri Lankan", "Nepali", "Vietnamese", "Haitian", "Cuban",
               "Russian", "Polish", "Romanian", "Turkish", "Iraqi", "Jordanian", "Moroccan",
               "Algerian", "Tunisian", "Cameroonian", "Kenyan", "Ghanaian", "Zimbabwean",
               "South African", "Jamaican", "Peruvian", "Argentinian", "Chilean", "Armenian"]
LANGUAGES = ["English", "French", "Arabic", "Spanish", "Portuguese", "Tagalog", "Punjabi",
             "Urdu", "Hindi", "Farsi", "Dari", "Mandarin", "Cantonese", "Korean", "Tigrinya",
             "Amharic", "Somali", "Ukrainian", "Russian", "Turkish", "Bengali", "Tamil",
             "Vietnamese", "Swahili", "Haitian Creole"]

ORG_WORDS = ["Association", "Network", "Society", "Alliance", "Coalition", "Collective",
             "Council", "Forum", "Circle", "Foundation", "Centre", "Institute", "Hub",
             "Partnership", "Initiative", "Project", "Program", "Service", "Clinic", "Academy"]
PROGRAM_WORDS = ["Bridging Program", "Career Pathways Program", "Licensure Support Program",
                 "Mentorship Program", "Clinical Observership", "Exam Preparation Course",
                 "Employment Program", "Internship Program", "Navigator Service",
                 "Career Transition Program", "Residency Readiness Program",
                 "Communication Skills Course", "Leadership Program", "Clinical Skills Lab",
                 "Occupation-Specific Language Training", "Return-to-Practice Program",
                 "Credential Assessment Service", "Microloan Program", "Job Readiness Workshop",
                 "Research Fellowship"]
HOST_KINDS = ["Immigrant Services", "Newcomer Centre", "Multicultural Health Centre",
              "Community Health Centre", "Settlement Services", "Family Services",
              "Employment Services", "Community Legal Clinic", "Public Library", "College",
              "University", "Health Authority", "YMCA", "Catholic Crosscultural Services",
              "Immigrant Women's Centre", "Career Centre", "Welcome Centre",
              "Newcomer Employment Hub"]
ADJECTIVES = ["international", "internationally trained", "foreign-trained", "immigrant",
              "newcomer", "multicultural", "diverse", "experienced", "qualified", "bilingual",
              "regional", "provincial", "national", "local", "rural", "remote", "urban",
              "francophone", "anglophone", "collaborative", "practical", "structured",
              "personalized", "free", "low-cost", "intensive", "part-time", "evening",
              "weekend", "peer-led", "volunteer-run", "accredited", "confidential",
              "culturally safe", "trauma-informed", "evidence-based", "hands-on", "virtual"]
NOUNS = ["physicians", "doctors", "medical graduates", "health professionals", "clinicians",
         "specialists", "residents", "newcomers", "immigrants", "refugees", "families",
         "mentors", "volunteers", "employers", "hospitals", "clinics", "colleges", "regulators",
         "communities", "members", "participants", "clients", "learners", "candidates"]
VERBS = ["supports", "connects", "guides", "prepares", "helps", "assists", "trains", "coaches",
         "advises", "matches", "welcomes", "empowers", "equips", "orients", "accompanies",
         "advocates for", "refers", "informs", "mentors", "encourages"]
TOPICS = ["licensure", "the licensing process", "residency applications", "the CaRMS match",
          "practice-ready assessment", "the MCCQE Part I", "the NAC Examination",
          "the TDM Examination", "credential verification", "physiciansapply.ca",
          "source verification", "language proficiency tests", "the Canadian health system",
          "clinical communication", "patient-centred care", "medical ethics",
          "Canadian medical culture", "interview skills", "resume writing", "job applications",
          "networking skills", "career alternatives", "return of service", "observerships",
          "clinical placements", "research experience", "volunteer opportunities",
          "professional references", "financial planning", "wellbeing and resilience",
          "mental health", "settlement needs", "housing", "childcare", "transportation",
          "continuing medical education", "scope of practice", "regulatory requirements",
          "Canadian workplace culture", "team-based care", "primary care",
          "rural and remote practice", "Indigenous health", "cultural safety",
          "health equity", "quality improvement", "leadership", "teaching skills"]
OFFER_HEADS = ["Monthly", "Weekly", "Bi-weekly", "Quarterly", "Annual", "One-on-one",
               "Small-group", "Online", "In-person", "Drop-in", "Evening", "Weekend",
               "Free", "Structured", "Peer-led", "Volunteer-led", "Bilingual", "Confidential"]
OFFER_THINGS = ["networking events", "mentorship sessions", "study groups", "mock exams",
                "case discussions", "OSCE practice stations", "information sessions",
                "career counselling", "resume clinics", "mock interviews", "job fairs",
                "webinars", "workshops", "seminars", "clinical shadowing",
                "observership placements", "employer introductions", "language classes",
                "communication coaching", "leadership training", "research projects",
                "peer support circles", "wellness check-ins", "settlement referrals",
                "microloans for exam fees", "bursaries", "library access",
                "practice question banks", "exam registration help", "document checklists",
                "licensing roadmaps", "coffee chats", "alumni panels", "volunteer placements",
                "navigation appointments", "group coaching", "simulation labs"]
FR_WORDS = ["médecins", "diplômés", "à l'étranger", "accompagnement", "intégration",
            "professionnelle", "santé", "équité", "reconnaissance", "des acquis", "stage",
            "préparation", "examens", "réseautage", "mentorat", "emploi", "carrière",
            "immigrants", "nouveaux arrivants", "Québec", "Collège des médecins", "formation",
            "clinique", "communication", "soutien", "orientation", "évaluation",
            "compétences", "hôpital", "région", "bénévoles", "ateliers", "séances",
            "information", "démarches", "permis d'exercice", "résidence", "francisation"]
STATUS = ["available", "limited", "proposed", "closed"]
STATUS_WEIGHTS = [6, 3, 1, 0.5]
COSTS = ["free", "free to members; membership is free", "free for eligible newcomers",
         "a small annual membership fee", "sliding scale", "$50 registration fee",
         "free; some workshops have a fee", "tuition applies; bursaries available"]
UNITS = ["members", "clients-per-year", "clients-to-date", "participants"]


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s[:60] or "x"


class Zipf:
    """Draws items with weight 1/(rank+1)^s: a few common, most rare, in a fixed order."""

    def __init__(self, rng, items, s=1.0):
        self.rng = rng
        self.items = list(items)
        self.weights = [1.0 / (i + 1) ** s for i in range(len(self.items))]
        acc, self.cum = 0.0, []
        for w in self.weights:
            acc += w
            self.cum.append(acc)

    def __call__(self):
        return self.rng.choices(self.items, cum_weights=self.cum)[0]

    def two(self):
        """Two different items, "A and B" never "A and A"."""
        a = self()
        for _ in range(8):
            b = self()
            if b != a:
                return a, b
        return a, next(x for x in self.items if x != a)

    def some(self, lo, hi):
        n = self.rng.randint(lo, hi)
        out = []
        for _ in range(n * 3):
            x = self()
            if x not in out:
                out.append(x)
            if len(out) == n:
                break
        return out


class Gen:
    def __init__(self, n, seed):
        self.n = n
        self.rng = random.Random(seed)
        r = self.rng
        # A fixed shuffle per seed, so each vocabulary's common words differ between lists.
        self.topic = Zipf(r, r.sample(TOPICS, len(TOPICS)), 0.9)
        self.thing = Zipf(r, r.sample(OFFER_THINGS, len(OFFER_THINGS)), 0.8)
        self.adj = Zipf(r, r.sample(ADJECTIVES, len(ADJECTIVES)), 0.9)
        self.noun = Zipf(r, NOUNS, 1.0)
        self.verb = Zipf(r, VERBS, 1.0)
        self.spec = Zipf(r, SPECIALTIES, 1.0)
        self.career = Zipf(r, CAREERS, 1.0)
        self.community = Zipf(r, r.sample(COMMUNITIES, len(COMMUNITIES)), 1.1)
        self.lang = Zipf(r, LANGUAGES, 1.2)
        self.fr = Zipf(r, FR_WORDS, 0.8)
        self.build_regions()

    # -- regions --

    def build_regions(self):
        r = self.rng
        self.regions = [{"id": "canada", "name": "Canada", "kind": "country"}]
        self.prov_of = {}          # region id -> province id
        self.cities_of = {}        # province id -> [city ids]
        self.regions_of = {}       # province id -> [region ids]
        self.name_of = {"canada": "Canada"}
        used = {"canada"}

        def new_id(name, pid):
            base = slug(name)
            i = base if base not in used else f"{base}-{pid[:2]}"
            k = 2
            while i in used:
                i = f"{base}-{k}"
                k += 1
            used.add(i)
            return i

        real_cities = sum(len(c) for p in PROVINCES for c in p[4].values())
        pad = max(0, 300 - real_cities)
        total_w = sum(p[3] for p in PROVINCES)
        self.prov_weights = []
        for pid, pname, kind, w, regs in PROVINCES:
            self.regions.append({"id": pid, "name": pname, "parent": "canada", "kind": kind})
            used.add(pid)
            self.name_of[pid] = pname
            self.prov_of[pid] = pid
            self.cities_of[pid] = []
            self.regions_of[pid] = []
            self.prov_weights.append(w)
            extra = round(pad * w / total_w)
            reg_names = list(regs)
            for i, (rname, cities) in enumerate(regs.items()):
                rid = new_id(rname, pid)
                self.regions.append({"id": rid, "name": rname, "parent": pid, "kind": "region"})
                self.name_of[rid] = rname
                self.prov_of[rid] = pid
                self.regions_of[pid].append(rid)
                # Synthetic towns go round the regions of the province.
                towns = list(cities)
                for j in range(i, extra, len(reg_names)):
                    towns.append(r.choice(TOWN_HEADS) + r.choice(TOWN_TAILS))
                for c in towns:
                    cid = new_id(c, pid)
                    self.regions.append({"id": cid, "name": c, "parent": rid, "kind": "city"})
                    self.name_of[cid] = c
                    self.prov_of[cid] = pid
                    self.cities_of[pid].append(cid)
        self.parent = {x["id"]: x.get("parent") for x in self.regions}
        # Cities by rank within a province: the first real ones are the biggest.
        self.city_pick = {p: Zipf(r, c, 0.9) for p, c in self.cities_of.items()}
        self.region_pick = {p: Zipf(r, c, 0.7) for p, c in self.regions_of.items()}

    def province(self):
        return self.rng.choices([p[0] for p in PROVINCES], weights=self.prov_weights)[0]

    def service_area(self):
        """1-3 regions at one level, the way directories record service areas."""
        r = self.rng
        x = r.random()
        if x < 0.04:
            return ["canada"]
        p = self.province()
        if x < 0.16:
            return [p]
        if x < 0.42:
            return self.uniq(self.region_pick[p], r.choice([1, 1, 1, 2]))
        return self.uniq(self.city_pick[p], r.choice([1, 1, 1, 1, 2, 3]))

    def uniq(self, pick, n):
        out = []
        for _ in range(n * 4):
            x = pick()
            if x not in out:
                out.append(x)
            if len(out) == n:
                break
        return out

    # -- text --

    @staticmethod
    def both(z):
        a, b = z.two()
        return f"{a} and {b}"

    def sentence(self, place, fr=False):
        r = self.rng
        both = self.both
        if fr:
            words = [self.fr() for _ in range(r.randint(7, 12))]
            text = " ".join(words) + f" à {place}."
            return text[0].upper() + text[1:]
        t = r.randrange(8)
        if t == 0:
            adj = self.adj()
            art = "An" if adj[0] in "aeiou" else "A"
            return (f"{art} {adj} service in {place} that {self.verb()} {self.adj()} "
                    f"{self.noun()} with {both(self.topic)}.")
        if t == 1:
            return (f"It {self.verb()} {self.noun()} trained in {both(self.spec)} to prepare "
                    f"for {self.topic()}.")
        if t == 2:
            return (f"Sessions are offered in {both(self.lang)}, with {both(self.thing)} for "
                    f"{self.community()} {self.noun()}.")
        if t == 3:
            a, b = self.career.two()
            return (f"Participants explore careers such as {a} or {b}, and build experience "
                    f"through {self.thing()}.")
        if t == 4:
            return (f"Founded by {self.community()} {self.noun()} in {place}, it now "
                    f"{self.verb()} {self.noun()} from many countries.")
        if t == 5:
            a, b = self.topic.two()
            return (f"The {self.adj()} team {self.verb()} {self.noun()} through {a}, {b} and "
                    f"{self.topic()}.")
        if t == 6:
            return (f"Partners include {both(self.noun)} across {place} who offer "
                    f"{self.thing()}.")
        return (f"Focus areas: {self.topic()}, {self.spec()}, and {self.thing()} for "
                f"{self.adj()} {self.noun()}.")

    def offer(self):
        r = self.rng
        t = r.randrange(4)
        if t == 0:
            return f"{r.choice(OFFER_HEADS)} {self.thing()}"
        if t == 1:
            return f"{r.choice(OFFER_HEADS)} {self.thing()} on {self.topic()}"
        if t == 2:
            return f"{self.thing().capitalize()} with {self.spec()} {self.noun()}"
        return f"Help with {self.both(self.topic)}"

    def aim(self, place):
        r = self.rng
        t = r.randrange(4)
        if t == 0:
            return (f"Help {self.adj()} {self.noun()} reach {self.topic()} and careers "
                    f"in {self.spec()}")
        if t == 1:
            return f"Reduce barriers for {self.both(self.community)} {self.noun()} in {place}"
        if t == 2:
            return (f"Build a {self.adj()} pipeline of {self.noun()} for {self.spec()} and "
                    f"{self.career()} roles")
        return f"Advocate for fair access to {self.both(self.topic)}"

    def place_text(self, regs):
        return " and ".join(self.name_of[x] for x in regs[:2])

    # -- records --

    def support(self, i, sources):
        r = self.rng
        regs = self.service_area()
        place = self.place_text(regs)
        prov = self.prov_of[regs[0]] if regs[0] != "canada" else "canada"
        french = prov == "quebec" and r.random() < 0.4
        kind = "program" if r.random() < 0.55 else "group"
        if kind == "group":
            name = (f"{r.choice([self.community(), place, self.spec().title(), place])} "
                    f"{r.choice(['Physicians', 'Medical Doctors', 'IMG', 'Health Professionals'])}"
                    f" {r.choice(ORG_WORDS)}")
        else:
            name = f"{place} {r.choice(PROGRAM_WORDS)}"
        if french:
            name = f"{r.choice(['Programme', 'Réseau', 'Service', 'Carrefour'])} " \
                   f"{self.fr()} {self.fr()} – {place}"
        acronym = "".join(w[0] for w in re.findall(r"[A-Za-zÀ-ÿ]+", name) if w[0].isupper())
        host = f"{place} {r.choice(HOST_KINDS)}" if r.random() < 0.7 else None
        summary = " ".join(self.sentence(place, french and r.random() < 0.7)
                           for _ in range(r.randint(2, 3)))
        s = {
            "id": f"s{i}-{slug(name)[:40].strip('-')}",
            "kind": kind,
            "name": name,
        }
        if 2 <= len(acronym) <= 8 and r.random() < 0.6:
            s["acronym"] = acronym
        if host:
            s["host"] = host
        s["regions"] = regs
        s["delivery"] = r.choices([["online"], ["in-person"], ["hybrid"], ["online", "in-person"]],
                                  weights=[3, 4, 2, 1])[0]
        s["location"] = (f"{self.name_of[regs[0]]}-wide" if regs[0] in self.cities_of
                         else f"{place}")
        if r.random() < 0.4:
            c = int(r.paretovariate(1.2) * 40)
            s["size"] = {"text": f"~{c:,}", "count": c, "unit": r.choice(UNITS)}
        s["goals"] = self.uniq(lambda: r.choices([g[0] for g in GOALS],
                                                 weights=GOAL_WEIGHTS)[0], r.randint(1, 2))
        s["services"] = self.uniq(lambda: r.choice(SERVICES)[0], r.randint(1, 5))
        s["summary"] = summary
        s["offers"] = [self.offer() for _ in range(r.randint(3, 7))]
        s["aims"] = [self.aim(place) for _ in range(r.randint(1, 3))]
        if r.random() < 0.7:
            s["cost"] = r.choice(COSTS)
        if r.random() < 0.6:
            s["eligibility"] = (f"{self.adj().capitalize()} {self.noun()} living in {place}; "
                                f"priority to those preparing for {self.topic()}.")
        s["contact"] = {"website": f"https://www.{slug(name)[:30].strip('-')}.ca/"}
        if r.random() < 0.5:
            s["contact"]["email"] = f"info@{slug(place)[:20].strip('-')}-itp.ca"
        if r.random() < 0.4:
            s["contact"]["phone"] = f"+1-{r.randint(200, 999)}-{r.randint(200, 999)}-" \
                                    f"{r.randint(1000, 9999)}"
        s["source"] = r.choice(sources)
        s["as_of"] = f"20{r.randint(19, 26)}-{r.randint(1, 12):02d}"
        if r.random() < 0.3:
            s["verified"] = f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}"
        return s

    def pathway(self, i, sources, support_ids):
        r = self.rng
        x = r.random()
        if x < 0.1:
            regs = ["canada"]
        elif x < 0.7:
            regs = [self.province()]
        else:
            regs = [self.region_pick[self.province()]()]
        place = self.place_text(regs)
        goal = r.choices([g[0] for g in GOALS], weights=GOAL_WEIGHTS)[0]
        gname = {"residency": "Residency Stream", "pra": "Practice-Ready Assessment",
                 "clinical-assistant": "Clinical Assistant Pathway",
                 "alternative-career": "Career Pathway"}[goal]
        name = f"{place} {gname}: {self.spec().title()} {r.choice(['Track', 'Route', 'Stream'])}"
        p = {
            "id": f"p{i}-{slug(name)[:40].strip('-')}",
            "goal": goal,
            "name": name,
            "regions": regs,
            "status": r.choices(STATUS, weights=STATUS_WEIGHTS)[0],
            "summary": " ".join(self.sentence(place) for _ in range(r.randint(2, 3))),
            "eligibility": [f"{self.adj().capitalize()} {self.noun()} with experience in "
                            f"{self.spec()}; results of {self.topic()}."
                            for _ in range(r.randint(2, 4))],
            "steps": [{"title": f"{r.choice(['Prepare for', 'Complete', 'Apply for', 'Pass'])} "
                                f"{self.topic()}",
                       "detail": self.sentence(place)} for _ in range(r.randint(2, 5))],
        }
        if r.random() < 0.4:
            p["advocacy"] = self.aim(place) + "."
        p["links"] = [{"title": f"{place}: {self.topic()}",
                       "url": f"https://www.{slug(place)[:20].strip('-')}.ca/{slug(gname)}"}]
        if support_ids and r.random() < 0.6:
            p["supports"] = sorted({r.choice(support_ids) for _ in range(r.randint(1, 5))})
        req = {}
        if r.random() < 0.6:
            req["status"] = ["citizen", "permanent-resident"]
        if r.random() < 0.5:
            req["exams"] = r.sample([e[0] for e in EXAMS[:4]], r.randint(1, 2))
        if r.random() < 0.4:
            req["language_test"] = True
        if r.random() < 0.3:
            req["practice_years"] = r.randint(1, 5)
        if r.random() < 0.2 and regs[0] != "canada":
            req["residence"] = [self.prov_of[regs[0]]]
        if req:
            p["requires"] = req
        p["source"] = r.choice(sources)
        p["as_of"] = f"20{r.randint(19, 26)}-{r.randint(1, 12):02d}"
        return p

    def dataset(self):
        r = self.rng
        n_path = max(1, round(self.n * 0.12))
        n_sup = max(1, self.n - n_path)
        sources = [{"id": f"src-{k}", "title": f"{self.community()} directory export {k}",
                    "url": f"https://directory.example.ca/export/{k}",
                    "publisher": "211 (synthetic)", "as_of": "2026-11"} for k in range(50)]
        src_ids = [s["id"] for s in sources]
        supports = [self.support(k, src_ids) for k in range(n_sup)]
        sup_ids = [s["id"] for s in supports]
        # part_of: some programs belong to an earlier group.
        groups = [s["id"] for s in supports if s["kind"] == "group"]
        for s in supports:
            if s["kind"] == "program" and groups and r.random() < 0.1:
                g = r.choice(groups)
                if g != s["id"]:
                    s["part_of"] = g
        pathways = [self.pathway(k, src_ids, sup_ids) for k in range(n_path)]
        return {
            "itpnav": 1,
            "dataset": {"title": f"Synthetic national directory ({self.n:,} entries)",
                        "as_of": "2026-11", "publisher": "itpnav bench/gen.py",
                        "notes": "Generated for the benchmark: realistic, not real."},
            "sources": sources,
            "regions": self.regions,
            "goals": [{"id": g, "name": n, "summary": s} for g, n, s in GOALS],
            "services": [{"id": s, "name": n} for s, n in SERVICES],
            "exams": [{"id": e, "name": n} for e, n in EXAMS],
            "supports": supports,
            "pathways": pathways,
        }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of entries (supports and pathways)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--out", default="-")
    a = ap.parse_args()
    ds = Gen(a.n, a.seed).dataset()
    text = json.dumps(ds, ensure_ascii=False, indent=1)
    if a.out == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
