// SPDX-License-Identifier: GPL-2.0
/*
 * page_walk.c - a process's page tables, one leaf entry at a time.
 *
 * walk_page_range() is not exported (6.1, 6.12), follow_pte() only on
 * 6.1, __pte_offset_map() not on 6.12: the walk goes down the levels with
 * the inline accessors every release has.  The caller holds the mmap read
 * lock, under which no table above the PTE level is freed.  A PTE table
 * may be (khugepaged's collapse since 6.6, empty-table reclaim since
 * 6.14), but only after an RCU grace period and with its PMD cleared
 * under the table's lock: so each PTE table is read inside an RCU section
 * with its lock held, after checking that its PMD still points at it.
 * Nothing is written and nothing is faulted in.
 */
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/pgtable.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "compat.h"
#include "ptinspect.h"

/* Tries at one PTE table whose PMD keeps changing before it is skipped. */
#define PTI_PTE_TABLE_TRIES	3

static void pti_page_set(struct pti_page *rec, unsigned long addr,
			 unsigned long size, const char *level)
{
	memset(rec, 0, sizeof(*rec));
	rec->addr = addr;
	rec->size = size;
	rec->mapcount = -1;
	strscpy(rec->level, level, sizeof(rec->level));
	strscpy(rec->kind, "-", sizeof(rec->kind));
}

/*
 * What the frame @pfn of a present entry holds.  The struct page is only
 * read, and only where the entry maps normal memory as vm_normal_page()
 * (not exported) defines it: not in a pfnmap/mixedmap VMA, not special.
 * Under the PTE lock the page stays mapped; a huge entry's page is read
 * without it, which gives values as racy as /proc/kpageflags'.
 */
static void pti_page_describe(struct pti_page *rec, struct vm_area_struct *vma,
			      unsigned long pfn, bool special)
{
	struct folio *folio;
	struct page *page;

	if (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) {
		strscpy(rec->kind, "pfnmap", sizeof(rec->kind));
		return;
	}
	if (is_zero_pfn(pfn)) {
		strscpy(rec->kind, "zero", sizeof(rec->kind));
		return;
	}
	if (special || !pfn_valid(pfn)) {
		strscpy(rec->kind, "special", sizeof(rec->kind));
		return;
	}
	page = pfn_to_page(pfn);
	folio = page_folio(page);
	if (folio_test_ksm(folio))
		strscpy(rec->kind, "ksm", sizeof(rec->kind));
	else if (folio_test_anon(folio))
		strscpy(rec->kind, "anon", sizeof(rec->kind));
	else if (READ_ONCE(folio->mapping))
		strscpy(rec->kind, "file", sizeof(rec->kind));
	else
		strscpy(rec->kind, "other", sizeof(rec->kind));
	rec->thp = folio_test_large(folio);
	rec->mapcount = pti_page_mapcount(folio, page);
	rec->anon_exclusive = folio_test_anon(folio) && !folio_test_ksm(folio) &&
			      PageAnonExclusive(page);
}

static void pti_page_pte(struct pti_page *rec, struct vm_area_struct *vma,
			 unsigned long addr, pte_t pte, bool show_pfn)
{
	pti_page_set(rec, addr, PAGE_SIZE, "pte");
	if (!pte_present(pte)) {
		pti_swap_decode(pte, rec);
		rec->soft_dirty = !!pte_swp_soft_dirty(pte);
		if (!show_pfn)
			rec->swap_offset = 0;
		return;
	}
	strscpy(rec->state, "present", sizeof(rec->state));
	rec->pfn = show_pfn ? pte_pfn(pte) : 0;
	rec->write = !!pte_write(pte);
	rec->dirty = !!pte_dirty(pte);
	rec->young = !!pte_young(pte);
	rec->soft_dirty = !!pte_soft_dirty(pte);
	pti_page_describe(rec, vma, pte_pfn(pte), pte_special(pte));
}

static void pti_page_pmd(struct pti_page *rec, struct vm_area_struct *vma,
			 unsigned long addr, pmd_t pmd, bool show_pfn)
{
	pti_page_set(rec, addr & PMD_MASK, PMD_SIZE, "pmd");
	if (!pmd_present(pmd)) {
		/* a huge page being migrated (or a hugetlb swap entry) */
		strscpy(rec->state, "migration", sizeof(rec->state));
		return;
	}
	strscpy(rec->state, "present", sizeof(rec->state));
	rec->pfn = show_pfn ? pmd_pfn(pmd) : 0;
	rec->write = !!pmd_write(pmd);
	rec->dirty = !!pmd_dirty(pmd);
	rec->young = !!pmd_young(pmd);
	rec->soft_dirty = !!pmd_soft_dirty(pmd);
	pti_page_describe(rec, vma, pmd_pfn(pmd), false);
}

static void pti_page_pud(struct pti_page *rec, struct vm_area_struct *vma,
			 unsigned long addr, pud_t pud, bool show_pfn)
{
	pti_page_set(rec, addr & PUD_MASK, PUD_SIZE, "pud");
	strscpy(rec->state, "present", sizeof(rec->state));
	rec->pfn = show_pfn ? pud_pfn(pud) : 0;
	rec->write = !!pud_write(pud);
	rec->dirty = !!pud_dirty(pud);
	rec->young = !!pud_young(pud);
	pti_page_describe(rec, vma, pud_pfn(pud), false);
}

/*
 * The first used entry of the PTE table @pmd points at, for [@addr, @end)
 * (within that table).  Return: 1 and @rec filled, 0 if none, -EAGAIN if
 * the PMD changed under the walk.
 */
static int pti_pte_find(struct mm_struct *mm, struct vm_area_struct *vma,
			pmd_t *pmd, pmd_t pmdval, unsigned long addr,
			unsigned long end, struct pti_page *rec, bool show_pfn)
{
	spinlock_t *ptl;
	pte_t *pte;
	int found = 0;

	rcu_read_lock();
	if (!pmd_same(pmdval, READ_ONCE(*pmd))) {
		rcu_read_unlock();
		return -EAGAIN;
	}
	ptl = pte_lockptr(mm, &pmdval);
	spin_lock(ptl);
	if (!pmd_same(pmdval, READ_ONCE(*pmd))) {
		spin_unlock(ptl);
		rcu_read_unlock();
		return -EAGAIN;
	}
	pte = (pte_t *)pmd_page_vaddr(pmdval) + pte_index(addr);
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		pte_t entry = ptep_get(pte);

		if (pte_none(entry))
			continue;
		pti_page_pte(rec, vma, addr, entry, show_pfn);
		found = 1;
		break;
	}
	spin_unlock(ptl);
	rcu_read_unlock();
	return found;
}

/**
 * pti_page_find() - the first page-table leaf mapping an address in a range
 * @vma: the VMA the range lies in, its mm's mmap read lock held
 * @addr: where to start
 * @end: where to stop (exclusive), at most @vma's end
 * @rec: out: the leaf (a huge one starts at or before @addr)
 * @show_pfn: fill frame numbers and swap offsets (else 0)
 *
 * Sleeps (cond_resched) between tables; holds a PTE table's lock for at
 * most one table's entries.
 *
 * Return: true with @rec filled, false if no entry in the range is used.
 */
bool pti_page_find(struct vm_area_struct *vma, unsigned long addr,
		   unsigned long end, struct pti_page *rec, bool show_pfn)
{
	struct mm_struct *mm = vma->vm_mm;
	int tries = 0;

	while (addr < end) {
		unsigned long next;
		pgd_t *pgd;
		p4d_t *p4d;
		pud_t *pud, pudval;
		pmd_t *pmd, pmdval;
		int got;

		cond_resched();
		pgd = pgd_offset(mm, addr);
		next = pgd_addr_end(addr, end);
		if (pgd_none(READ_ONCE(*pgd)) || pgd_bad(READ_ONCE(*pgd)))
			goto skip;
		p4d = p4d_offset(pgd, addr);
		next = p4d_addr_end(addr, end);
		if (p4d_none(READ_ONCE(*p4d)) || p4d_bad(READ_ONCE(*p4d)))
			goto skip;
		pud = pud_offset(p4d, addr);
		pudval = READ_ONCE(*pud);
		next = pud_addr_end(addr, end);
		if (pud_none(pudval))
			goto skip;
		if (pud_leaf(pudval)) {
			pti_page_pud(rec, vma, addr, pudval, show_pfn);
			return true;
		}
		if (pud_bad(pudval))
			goto skip;
		pmd = pmd_offset(pud, addr);
		pmdval = READ_ONCE(*pmd);
		next = pmd_addr_end(addr, end);
		if (pmd_none(pmdval))
			goto skip;
		if (!pmd_present(pmdval) || pmd_leaf(pmdval)) {
			pti_page_pmd(rec, vma, addr, pmdval, show_pfn);
			return true;
		}
		if (pmd_bad(pmdval))
			goto skip;
		got = pti_pte_find(mm, vma, pmd, pmdval, addr, next, rec,
				   show_pfn);
		if (got > 0)
			return true;
		if (got == -EAGAIN && ++tries < PTI_PTE_TABLE_TRIES)
			continue;	/* the same address, read again */
skip:
		tries = 0;
		addr = next;
	}
	return false;
}
