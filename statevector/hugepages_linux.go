package statevector

import (
	"syscall"
	"unsafe"
)

// hugePageMin is the smallest state worth backing with transparent huge
// pages.
const hugePageMin = 4 << 20

// adviseHugePages asks Linux to back the memory of a large, freshly
// allocated and not yet touched state with 2 MiB pages: a cache-blocked
// stage gathers each block from runs of a few hundred bytes spread over
// the whole state, and with 4 KiB pages every run would need a TLB entry
// of its own. Failure (no transparent huge pages) is harmless.
func adviseHugePages[T complex64 | complex128](a []T) {
	size := len(a) * int(unsafe.Sizeof(a[0]))
	if size < hugePageMin {
		return
	}
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(a))), size), syscall.MADV_HUGEPAGE)
}
