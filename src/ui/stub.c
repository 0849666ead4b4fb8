#include "ui.h"
int ui_main(const struct options *o)
{
    struct options l = *o;
    l.command = "list";
    return cli_list(&l);
}
