package statevector

import "unsafe"

// float is the precision of a state's amplitudes: kernels are written once
// over the interleaved real and imaginary parts and instantiated for
// complex128 states (float64) and complex64 states (float32).
type float interface{ ~float32 | ~float64 }

// floatView returns the amplitudes a as their interleaved real and imaginary
// parts (Go lays a complex128 out as two float64s), aliasing a.
func floatView(a []complex128) []float64 {
	return unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(a))), 2*len(a))
}

// floatView32 is floatView for single precision.
func floatView32(a []complex64) []float32 {
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(a))), 2*len(a))
}
