/* screen.c: handler results and the screen stack. */
#include "screen.h"

#include <string.h>

struct result result_of(unsigned flags)
{
    return (struct result){.flags = flags};
}

struct result result_push(const struct screen *s, void *state)
{
    return (struct result){.flags = R_PUSH | R_REDRAW, .screen = s, .state = state};
}

void result_discard(struct result r)
{
    if ((r.flags & R_PUSH) && r.screen)
        r.screen->destroy(r.state);
}

struct result result_then(struct result first, struct result then)
{
    struct result r = {.flags = first.flags | then.flags};
    if (then.flags & R_PUSH) {
        result_discard(first);
        r.screen = then.screen;
        r.state = then.state;
    } else if (first.flags & R_PUSH) {
        r.screen = first.screen;
        r.state = first.state;
    }
    return r;
}

void stack_push(struct stack *st, const struct screen *s, void *state)
{
    if (st->depth >= STACK_MAX) {
        /* Deep chains of links: drop the oldest screen above home rather than refuse. */
        struct frame *f = &st->frame[1];
        f->screen->destroy(f->state);
        memmove(&st->frame[1], &st->frame[2], (size_t)(st->depth - 2) * sizeof *f);
        st->depth--;
    }
    st->frame[st->depth++] = (struct frame){s, state};
}

void stack_pop(struct stack *st)
{
    if (st->depth <= 1)
        return;
    struct frame *f = &st->frame[--st->depth];
    f->screen->destroy(f->state);
}

void stack_clear(struct stack *st)
{
    while (st->depth > 0) {
        struct frame *f = &st->frame[--st->depth];
        f->screen->destroy(f->state);
    }
}

struct frame *stack_top(struct stack *st)
{
    return &st->frame[st->depth - 1];
}
