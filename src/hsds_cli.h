/* hsds_cli.h: the command lines of `itpnav import hsds` and `itpnav export hsds`. */
#ifndef ITPNAV_HSDS_CLI_H
#define ITPNAV_HSDS_CLI_H

/* Run "import ..." or "export ..." (argv[0] is "import" or "export"); returns the exit status. */
int hsds_cli_main(int argc, char **argv);

#endif
