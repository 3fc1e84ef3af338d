//go:build !(goexperiment.simd && amd64)

package statevector

// simdEnabled is false in builds without GOEXPERIMENT=simd on amd64: every
// kernel runs its portable scalar loop.
const simdEnabled = false

// runSIMD has no vector loops in this build.
func runSIMD[F float](*kernel, []F, int, int) bool { return false }
