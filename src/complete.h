/* complete.h: `itpnav complete WHAT`, the dataset's ids and names for the shell completions. */
#ifndef ITPNAV_COMPLETE_H
#define ITPNAV_COMPLETE_H

/* Print the ids and names of WHAT (regions, goals, services, exams, entries), one "ID<TAB>NAME"
 * a line, from the dataset of --data FILE, the database of --db DB, or the bundled dataset.
 * argv[0] is "complete". Returns 0 (also when the data can't be read: then nothing is printed),
 * or 64 for a bad WHAT or option. */
int complete_main(int argc, char **argv);

#endif
