package classical

import (
	"fmt"
	"math"
)

// NNGP activations.
const (
	// NNGPReLU is φ(z) = max(0, z), whose layer map is the arc-cosine kernel.
	NNGPReLU = "relu"
	// NNGPErf is φ(z) = erf(z).
	NNGPErf = "erf"
)

// NNGPKernel is the neural-network Gaussian-process kernel: the covariance
// of the output of a fully connected network with Depth hidden layers of
// activation Activation, weights W ~ N(0, WeightVar/fan-in) and biases
// b ~ N(0, BiasVar), in the limit of infinite width (Neal 1996; Lee et
// al., ICLR 2018, arXiv:1711.00165, eq. 4). With K⁰(x, x′) = σ_b² +
// σ_w² x·x′/d the layer recursion is
//
//	Kˡ(x, x′) = σ_b² + σ_w² F_φ(Kˡ⁻¹(x, x′), Kˡ⁻¹(x, x), Kˡ⁻¹(x′, x′)),
//
// F_φ = E[φ(u)φ(v)] over the centred Gaussian (u, v) with those second
// moments, and the output covariance is K^Depth. For ReLU F is the
// arc-cosine kernel of Cho & Saul (NIPS 2009), √(k₁₁k₂₂)(sin θ + (π − θ)
// cos θ)/2π with cos θ = k₁₂/√(k₁₁k₂₂); for erf it is Williams' (NIPS
// 1997) (2/π) arcsin(2k₁₂/√((1 + 2k₁₁)(1 + 2k₂₂))).
type NNGPKernel struct {
	Activation string
	Depth      int     // hidden layers L ≥ 0
	WeightVar  float64 // σ_w² > 0
	BiasVar    float64 // σ_b² ≥ 0
}

// Validate reports an unknown activation or a bad variance or depth.
func (k NNGPKernel) Validate() error {
	if k.Activation != NNGPReLU && k.Activation != NNGPErf {
		return fmt.Errorf("classical: NNGP activation %q, want %q or %q", k.Activation, NNGPReLU, NNGPErf)
	}
	if k.Depth < 0 || k.Depth > 1000 {
		return fmt.Errorf("classical: NNGP depth %d, want 0 to 1000", k.Depth)
	}
	if !(k.WeightVar > 0) || math.IsInf(k.WeightVar, 0) || !(k.BiasVar >= 0) || math.IsInf(k.BiasVar, 0) {
		return fmt.Errorf("classical: NNGP variances σ_w² = %v, σ_b² = %v: want σ_w² > 0, σ_b² ≥ 0, finite", k.WeightVar, k.BiasVar)
	}
	return nil
}

// layer returns E[φ(u)φ(v)] for centred Gaussians with E[u²] = k11,
// E[v²] = k22, E[uv] = k12.
func (k NNGPKernel) layer(k12, k11, k22 float64) float64 {
	if k.Activation == NNGPErf {
		return 2 / math.Pi * math.Asin(clampUnit(2*k12/math.Sqrt((1+2*k11)*(1+2*k22))))
	}
	n := math.Sqrt(k11 * k22)
	if n == 0 {
		return 0
	}
	th := math.Acos(clampUnit(k12 / n))
	return n * (math.Sin(th) + (math.Pi-th)*math.Cos(th)) / (2 * math.Pi)
}

// clampUnit keeps a rounded cosine inside [−1, 1].
func clampUnit(c float64) float64 { return math.Max(-1, math.Min(1, c)) }

// Eval returns K(x, x′) for two inputs of the same length.
func (k NNGPKernel) Eval(x, y []float64) float64 {
	d := float64(len(x))
	k12 := k.BiasVar + k.WeightVar*dot(x, y)/d
	k11 := k.BiasVar + k.WeightVar*dot(x, x)/d
	k22 := k.BiasVar + k.WeightVar*dot(y, y)/d
	for range k.Depth {
		k12, k11, k22 = k.BiasVar+k.WeightVar*k.layer(k12, k11, k22),
			k.BiasVar+k.WeightVar*k.layer(k11, k11, k11),
			k.BiasVar+k.WeightVar*k.layer(k22, k22, k22)
	}
	return k12
}

// Gram returns the matrix K(a_i, b_j), row-major, len(a)×len(b).
func (k NNGPKernel) Gram(a, b [][]float64) []float64 {
	g := make([]float64, len(a)*len(b))
	for i, x := range a {
		for j, y := range b {
			g[i*len(b)+j] = k.Eval(x, y)
		}
	}
	return g
}
