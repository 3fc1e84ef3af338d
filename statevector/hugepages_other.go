//go:build !linux

package statevector

// adviseHugePages does nothing outside Linux.
func adviseHugePages[T complex64 | complex128]([]T) {}
