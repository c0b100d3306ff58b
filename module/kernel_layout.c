// SPDX-License-Identifier: GPL-2.0
/*
 * kernel_layout.c - this boot's virtual address space: the user half and
 * the kernel's regions, with the bases KASLR chose (x86-64).
 *
 * Every value comes from the kernel's own macros and variables, evaluated
 * on the running boot: the bases (page_offset_base, vmalloc_base,
 * vmemmap_base) are exported variables, the paging depth is LA57's
 * feature bit, the rest are the fixed layout's macros, which on a 5-level
 * boot take their 5-level values.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/cpu_entry_area.h>
#include <asm/fixmap.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#ifdef CONFIG_KASAN
#include <asm/kasan.h>
#endif
#include "ptinspect.h"

/*
 * The kernel image as its own page tables map it.  Boot clears every PMD
 * of the image area below _text and past _brk_end rounded up to 2 MiB
 * (cleanup_highmap()), so the first and the last used PMD bound the
 * image.  Those tables (level3/level2_kernel_pgt) are static and never
 * freed; a PMD that CPA later split or made not-present is still not
 * none, and lookup_address() returns NULL only for a none one.  At most
 * KERNEL_IMAGE_SIZE / PMD_SIZE (512) lookups.
 */
static void pti_image_bounds(unsigned long *start, unsigned long *end)
{
	unsigned long addr;
	unsigned int level;

	*start = *end = 0;
	for (addr = __START_KERNEL_map;
	     addr - __START_KERNEL_map < KERNEL_IMAGE_SIZE; addr += PMD_SIZE) {
		if (!lookup_address(addr, &level))
			continue;
		if (!*start)
			*start = addr;
		*end = addr + PMD_SIZE;
	}
}

/*
 * The image's sections, from what mark_rodata_ro() left in its tables:
 * text is the executable run from _text, non-executable from _etext
 * rounded up to a page; rodata is read-only; data is writable from
 * _sdata.  The gaps between them (and the init sections) were given back
 * to the page allocator, made writable on the way unless PTI unmapped
 * them: their frames are no longer PG_reserved, as every frame of the
 * image that memblock reserved at boot still is.
 *
 * lookup_address() is the kernel's own lockless lookup of a kernel
 * address (CPA's and slow_virt_to_phys()'s); the image's tables are not
 * freed (only the modules' ROX mappings are collapsed back into large
 * pages).  At most one step per page of the image, a resched point per
 * 2 MiB.
 */
static void pti_image_sections(struct pti_kernel *k)
{
	unsigned long addr = k->image_start;
	bool past_text = false;

	while (addr < k->image_end && !k->data_start) {
		unsigned int level;
		pte_t *pte = lookup_address(addr, &level);
		unsigned long size = pte ? page_level_size(level) : PMD_SIZE;
		pte_t entry = pte ? READ_ONCE(*pte) : __pte(0);
		pteval_t flags = pte_flags(entry);
		unsigned long base = addr & ~(size - 1);
		/* a huge entry's PAT bit sits in its frame's lowest bit */
		unsigned long pfn = (pte_pfn(entry) & ~((size >> PAGE_SHIFT) - 1)) +
				    ((addr - base) >> PAGE_SHIFT);
		bool image = (flags & _PAGE_PRESENT) && pfn_valid(pfn) &&
			     PageReserved(pfn_to_page(pfn));

		if (!image || (flags & _PAGE_NX))
			past_text = true;
		if (image && !past_text)
			k->text_end = base + size;
		else if (image && k->text_end && !(flags & _PAGE_RW)) {
			if (!k->rodata_start)
				k->rodata_start = addr;
			if (!k->rodata_end || k->rodata_end == addr)
				k->rodata_end = base + size;
		} else if (image && k->rodata_end) {
			k->data_start = addr;
		}
		addr = base + size;
		if (IS_ALIGNED(addr, PMD_SIZE))
			cond_resched();
	}
}

/**
 * pti_kernel_fill() - this boot's paging depth, page size and bases
 * @k: record to fill
 * @addresses: fill the kernel's bases (else 0: KASLR's secret kept)
 */
void pti_kernel_fill(struct pti_kernel *k, bool addresses)
{
	unsigned long image_start, image_end;

	memset(k, 0, sizeof(*k));
	k->paging_levels = pgtable_l5_enabled() ? 5 : 4;
	k->page_size = PAGE_SIZE;
	k->task_size_max = TASK_SIZE_MAX;
	if (!addresses)
		return;
	k->page_offset_base = PAGE_OFFSET;
	k->vmalloc_base = VMALLOC_START;
	k->vmemmap_base = VMEMMAP_START;
	pti_image_bounds(&image_start, &image_end);
	k->image_start = image_start;
	k->image_end = image_end;
	pti_image_sections(k);
}

static int pti_region(struct pti_region *r, int n, int max, const char *name,
		      unsigned long start, unsigned long end,
		      unsigned long used_end)
{
	if (n >= max)
		return n;
	strscpy(r[n].name, name, sizeof(r[n].name));
	r[n].start = start;
	r[n].end = end;
	r[n].used_end = used_end;
	return n + 1;
}

/**
 * pti_regions_fill() - the regions of the address space, lowest first
 * @r: room for @max regions
 * @max: at most this many (PTI_MAX_REGIONS holds every one)
 * @addresses: fill the kernel regions' addresses (else 0; names and the
 *	user region stay)
 *
 * Return: the number filled.
 */
int pti_regions_fill(struct pti_region *r, int max, bool addresses)
{
	unsigned long frames = 1UL << (MAX_PHYSMEM_BITS - PAGE_SHIFT);
	unsigned long vmemmap_used = (unsigned long)virt_to_page(high_memory);
	int i, n = 0;

	n = pti_region(r, n, max, "user", 0, TASK_SIZE_MAX, TASK_SIZE_MAX);
	n = pti_region(r, n, max, "ldt_remap", LDT_BASE_ADDR, LDT_END_ADDR,
		       LDT_END_ADDR);
	/*
	 * KASLR spreads the direct map, vmalloc and vmemmap with random gaps
	 * between them: the direct map reaches to vmalloc's start, and the
	 * part that maps memory ends at high_memory.
	 */
	n = pti_region(r, n, max, "direct_map", PAGE_OFFSET, VMALLOC_START,
		       (unsigned long)high_memory);
	n = pti_region(r, n, max, "vmalloc", VMALLOC_START, VMALLOC_END + 1,
		       VMALLOC_END + 1);
	/* room for a struct page per frame MAX_PHYSMEM_BITS can address */
	n = pti_region(r, n, max, "vmemmap", VMEMMAP_START,
		       VMEMMAP_START + frames * sizeof(struct page),
		       vmemmap_used);
#ifdef CONFIG_KASAN
	n = pti_region(r, n, max, "kasan_shadow", KASAN_SHADOW_START,
		       KASAN_SHADOW_END, KASAN_SHADOW_END);
#endif
	n = pti_region(r, n, max, "cpu_entry_area", CPU_ENTRY_AREA_BASE,
		       CPU_ENTRY_AREA_BASE + CPU_ENTRY_AREA_MAP_SIZE,
		       CPU_ENTRY_AREA_BASE + CPU_ENTRY_AREA_MAP_SIZE);
	n = pti_region(r, n, max, "espfix", ESPFIX_BASE_ADDR,
		       ESPFIX_BASE_ADDR + P4D_SIZE, ESPFIX_BASE_ADDR + P4D_SIZE);
	n = pti_region(r, n, max, "efi", EFI_VA_END, EFI_VA_START, EFI_VA_START);
	n = pti_region(r, n, max, "kernel_image", __START_KERNEL_map,
		       __START_KERNEL_map + KERNEL_IMAGE_SIZE,
		       __START_KERNEL_map + KERNEL_IMAGE_SIZE);
	n = pti_region(r, n, max, "modules", MODULES_VADDR, MODULES_END,
		       MODULES_END);
	/* the vsyscall page is one of the fixmap's slots */
	n = pti_region(r, n, max, "fixmap", FIXADDR_START, FIXADDR_TOP + PAGE_SIZE,
		       FIXADDR_TOP + PAGE_SIZE);
	for (i = 1; i < n && !addresses; i++)
		r[i].start = r[i].end = r[i].used_end = 0;
	return n;
}
