//go:build !(goexperiment.simd && amd64)

package statevector

// kernelPaths lists the kernel implementations a test can run: only the
// portable loops in this build.
var kernelPaths = []string{"scalar"}

// withKernels runs f with the kernel implementation path.
func withKernels(path string, f func()) { f() }
