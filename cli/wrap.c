/* wrap.c - long lists cut into lines at their separators. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "wrap.h"

/* Append @n bytes of @s to @out (@len so far, @size in all), cut to fit. */
static void put(char *out, size_t size, size_t *len, const char *s, size_t n)
{
	if (*len + 1 >= size)
		return;
	if (n > size - 1 - *len)
		n = size - 1 - *len;
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = '\0';
}

size_t pti_wrap_list(const char *text, size_t width, char *out, size_t size)
{
	size_t len = 0, line = 0;
	const char *p = text;

	if (!size)
		return 0;
	out[0] = '\0';
	if (!width) {
		put(out, size, &len, text, strlen(text));
		return len;
	}
	while (*p) {
		/* the next name with the separator after it */
		size_t n = strcspn(p, ",| ");
		size_t shown;

		if (p[n])
			n++;
		shown = p[n - 1] == ' ' ? n - 1 : n;
		if (line && line + shown > width) {
			/* a space that ended the line is not printed */
			if (len && out[len - 1] == ' ')
				out[--len] = '\0';
			put(out, size, &len, "\n", 1);
			line = 0;
		}
		put(out, size, &len, p, n);
		line += n;
		p += n;
	}
	if (len && out[len - 1] == ' ')
		out[--len] = '\0';
	return len;
}

size_t pti_terminal_width(void)
{
	struct winsize ws;
	const char *columns;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		return ws.ws_col;
	columns = getenv("COLUMNS");
	if (columns && atoi(columns) > 0)
		return (size_t)atoi(columns);
	return 80;
}
