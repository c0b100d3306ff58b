/* wrap.h - long lists cut into lines at their separators, for a terminal. */
#ifndef PTI_CLI_WRAP_H
#define PTI_CLI_WRAP_H

#include <stddef.h>

/*
 * @text in lines of at most @width bytes, joined by '\n' into @out: each
 * line ends just after a separator (',', '|' or a space, which is then
 * dropped), so that no name is split; a name longer than @width stands
 * alone on its line, whole.  @width 0 leaves @text as it is.  Cut to
 * @size as snprintf cuts; returns the length written.
 */
size_t pti_wrap_list(const char *text, size_t width, char *out, size_t size);

/*
 * The width of the terminal on standard output (its window size, else
 * $COLUMNS), or 0 when standard output is not a terminal.
 */
size_t pti_terminal_width(void);

#endif
