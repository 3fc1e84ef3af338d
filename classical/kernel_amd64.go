package classical

import "golang.org/x/sys/cpu"

// useAVX2 selects the assembly kernels.
var useAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// gemvIdxAVX2 is gemvIdx for n a multiple of 4 (kernel_amd64.s).
//
//go:noescape
func gemvIdxAVX2(dst *float64, n int, w *float64, ld int, idx *int32, vals *float64, k int)

// sigmoidAVX2 is sigmoidScaled for n a multiple of 4 (sigmoid_amd64.s).
//
//go:noescape
func sigmoidAVX2(x *float64, n int, beta float64)
