package classical

import "gonum.org/v1/gonum/floats"

// dot returns Σ a_i b_i through gonum's assembly kernel.
func dot(a, b []float64) float64 { return floats.Dot(a, b) }

// axpy sets y ← y + αx through gonum's assembly kernel.
func axpy(alpha float64, x, y []float64) { floats.AddScaled(y, alpha, x) }
