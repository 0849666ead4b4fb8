/* cli.h: the subcommands that print to standard output (check, list, show, match, build-db). */
#ifndef ITPNAV_CLI_H
#define ITPNAV_CLI_H

#include "session.h"

/* Each runs its subcommand with the options, as spec/cli.md says, and returns the exit status. */

/* check: validate a dataset; with --older-than, the records last checked before then. */
int cli_check(const struct options *o);
/* list: the entries the filters match, one a line. */
int cli_list(const struct options *o);
/* show: one entry in full. */
int cli_show(const struct options *o);
/* match: the verdict on each pathway for the answers. */
int cli_match(const struct options *o);
/* build-db: write a ready database (for kiosks). */
int cli_build_db(const struct options *o);

#endif
