/* knob.h - the kernel's text knobs (sysctls, sysfs, debugfs and cgroup
 * files) as tests set and read them.
 */
#ifndef PTI_TEST_KNOB_H
#define PTI_TEST_KNOB_H

#include <stddef.h>

/* %pK's policy: 1 shows real addresses to root (CAP_SYSLOG), 2 to nobody. */
#define KPTR_RESTRICT "/proc/sys/kernel/kptr_restrict"

/* Write @value to the knob at @path: 0 if the kernel took all of it. */
int knob_write(const char *path, const char *value);
/*
 * The knob's text (its first @size - 1 bytes) into @buf, NUL-terminated:
 * how many bytes, or -1 if it could not be read or was empty.
 */
int knob_read(const char *path, char *buf, size_t size);
/* The knob's text into @saved (as knob_read()), then @value written. */
int knob_swap(const char *path, char *saved, size_t size, const char *value);

#endif
