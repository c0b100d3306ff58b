/* knob.c - the kernel's text knobs as tests set and read them. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "knob.h"

int knob_write(const char *path, const char *value)
{
	size_t len = strlen(value);
	int fd = open(path, O_WRONLY);
	ssize_t put;

	if (fd < 0)
		return -1;
	put = write(fd, value, len);
	close(fd);
	return put == (ssize_t)len ? 0 : -1;
}

int knob_read(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t got;

	buf[0] = '\0';
	if (fd < 0)
		return -1;
	got = read(fd, buf, size - 1);
	close(fd);
	if (got <= 0)
		return -1;
	buf[got] = '\0';
	return (int)got;
}

int knob_swap(const char *path, char *saved, size_t size, const char *value)
{
	if (knob_read(path, saved, size) < 0)
		return -1;
	return knob_write(path, value);
}
