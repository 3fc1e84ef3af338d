//go:build !(goexperiment.simd && amd64)

package statevector

// simdEnabled is false in builds without GOEXPERIMENT=simd on amd64: every
// kernel runs its portable scalar loop.
const simdEnabled = false

// runSIMD has no vector loops in this build.
func runSIMD[F float](*kernel, []F, int, int) bool { return false }

// runPairSIMD has no vector loops in this build.
func runPairSIMD[F float](*kernel, *kernel, []F) bool { return false }

// dotSIMD has no vector loop in this build.
func dotSIMD(*kernel, []float64, []float64, *[4]int, bool, int, int) (float64, float64, bool) {
	return 0, 0, false
}

// dot4SIMD has no vector loop in this build.
func dot4SIMD(*kernel, []float64, []float64, []float64, int, int) bool { return false }
