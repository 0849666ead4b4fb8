#include "unit.h"
static void test_todo(void) { CHECK(1); }
UNIT_MAIN(CASE(test_todo))
