/* module_files.h - the files the module makes, for tests that open each. */
#ifndef PTI_TEST_MODULE_FILES_H
#define PTI_TEST_MODULE_FILES_H

/* Every /proc/ptinspect file, then the debugfs twins of the views. */
#define PTI_MODULE_VIEW_FILES \
	"/proc/ptinspect/tasks", "/proc/ptinspect/format", \
	"/proc/ptinspect/vma", "/proc/ptinspect/task", \
	"/proc/ptinspect/share", "/proc/ptinspect/runqueues", \
	"/proc/ptinspect/pages", "/proc/ptinspect/walk", \
	"/proc/ptinspect/kernel", "/proc/ptinspect/flags", \
	"/sys/kernel/debug/ptinspect/tasks", "/sys/kernel/debug/ptinspect/vma"

/* debugfs' table of how long each view held its lock */
#define PTI_MODULE_HOLDS_FILE "/sys/kernel/debug/ptinspect/holds"

#endif
