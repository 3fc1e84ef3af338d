package classical

import "math"

// softmax overwrites z with exp(z_k − max z) / Σ_j exp(z_j − max z), the
// class probabilities of the logits z, shifted so no exponent overflows.
func softmax(z []float64) {
	m := math.Inf(-1)
	for _, v := range z {
		m = math.Max(m, v)
	}
	var s float64
	for k, v := range z {
		z[k] = math.Exp(v - m)
		s += z[k]
	}
	for k := range z {
		z[k] /= s
	}
}

// softmaxCrossEntropy turns the logits z of a sample with label y into
// ∂(−log p_y)/∂z = p − e_y in place and returns −log p_y.
func softmaxCrossEntropy(z []float64, y int) float64 {
	softmax(z)
	loss := -math.Log(math.Max(z[y], math.SmallestNonzeroFloat64))
	z[y]--
	return loss
}
