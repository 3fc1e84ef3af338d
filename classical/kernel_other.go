//go:build !amd64

package classical

// useAVX2 is false off amd64: gemvIdx runs its Go loop.
var useAVX2 = false

func gemvIdxAVX2(dst *float64, n int, w *float64, ld int, idx *int32, vals *float64, k int) {
	panic("classical: no AVX2 kernel on this architecture")
}

func sigmoidAVX2(x *float64, n int, beta float64) {
	panic("classical: no AVX2 kernel on this architecture")
}
