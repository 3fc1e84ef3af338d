package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat"
)

// CovariancePoint is one width of a covariance scan.
type CovariancePoint struct {
	Width int
	// RelError is ‖C − K‖_F/‖K‖_F, C the sample covariance of the outputs
	// of the sampled networks and K the NNGP kernel at the same inputs.
	RelError float64
}

// CovarianceScan samples nets networks at each width and measures how far
// the covariance of their outputs at inputs x is from the NNGP kernel: the
// infinite-width limit of Lee et al. (ICLR 2018), reached as the width
// grows (until the sampling error ~1/√nets dominates).
func CovarianceScan(k NNGPKernel, x [][]float64, widths []int, nets int, rng *rand.Rand) ([]CovariancePoint, error) {
	want := k.Gram(x, x)
	var norm float64
	for _, v := range want {
		norm += v * v
	}
	var pts []CovariancePoint
	for _, w := range widths {
		out, err := k.SampleOutputs(x, w, nets, rng)
		if err != nil {
			return nil, err
		}
		var diff float64
		for a := range x {
			for b := range x {
				c := 0.0
				for _, o := range out {
					c += o[a] * o[b]
				}
				// The outputs have mean zero exactly (odd symmetry of the
				// output weights), so the second moment is the covariance.
				e := c/float64(nets) - want[a*len(x)+b]
				diff += e * e
			}
		}
		pts = append(pts, CovariancePoint{Width: w, RelError: math.Sqrt(diff / norm)})
	}
	return pts, nil
}

// KurtosisPoint is one (width, depth) of a kurtosis scan.
type KurtosisPoint struct {
	Width, Depth int
	Ratio        float64 // L/N
	Kurtosis     float64 // sample excess kurtosis E[f⁴]/E[f²]² − 3
	StdErr       float64 // its standard error, √(24/nets) (Gaussian approximation)
	// Theory is the exact excess kurtosis for ReLU without biases
	// (ReLUExcessKurtosis), NaN otherwise.
	Theory float64
}

// KurtosisScan samples nets networks for every width and depth and returns
// the excess kurtosis of the single output at input x: the leading
// non-Gaussianity of a finite-width network, a connected four-point
// function of order L/N (Roberts, Yaida & Hanin, The Principles of Deep
// Learning Theory, arXiv:2106.10165, ch. 5).
func KurtosisScan(k NNGPKernel, x []float64, widths, depths []int, nets int, rng *rand.Rand) ([]KurtosisPoint, error) {
	if nets < 4 {
		return nil, fmt.Errorf("classical: kurtosis needs at least 4 networks, got %d", nets)
	}
	var pts []KurtosisPoint
	for _, l := range depths {
		for _, w := range widths {
			kk := k
			kk.Depth = l
			out, err := kk.SampleOutputs([][]float64{x}, w, nets, rng)
			if err != nil {
				return nil, err
			}
			var m2, m4 float64
			for _, o := range out {
				v := o[0] * o[0]
				m2 += v
				m4 += v * v
			}
			m2 /= float64(nets)
			m4 /= float64(nets)
			th := math.NaN()
			if k.Activation == NNGPReLU && k.BiasVar == 0 {
				th = ReLUExcessKurtosis(w, l)
			}
			pts = append(pts, KurtosisPoint{Width: w, Depth: l, Ratio: float64(l) / float64(w),
				Kurtosis: m4/(m2*m2) - 3, StdErr: math.Sqrt(24 / float64(nets)), Theory: th})
		}
	}
	return pts, nil
}

// ReLUExcessKurtosis returns the exact excess kurtosis of the output of a
// bias-free ReLU network with depth hidden layers of the given width,
// 3[(1 + 5/N)^L − 1] ≈ 15 L/N: given the last layer the output is
// Gaussian with variance Q_L = σ_w²|h_L|²/N, and each layer multiplies Q
// by an independent factor r with E[r²]/E[r]² = 1 + 5/N (from E[relu(z)²]
// = 1/2 and E[relu(z)⁴] = 3/2), so E[f⁴]/E[f²]² = 3E[Q_L²]/E[Q_L]² =
// 3(1 + 5/N)^L, whatever σ_w².
func ReLUExcessKurtosis(width, depth int) float64 {
	return 3 * (math.Pow(1+5/float64(width), float64(depth)) - 1)
}

// LogLogSlope fits log y = a + s·log x by least squares and returns the
// slope s and intercept a; it fails unless at least two points have
// x, y > 0.
func LogLogSlope(xs, ys []float64) (slope, intercept float64, err error) {
	var lx, ly []float64
	for i := range xs {
		if xs[i] > 0 && ys[i] > 0 {
			lx, ly = append(lx, math.Log(xs[i])), append(ly, math.Log(ys[i]))
		}
	}
	if len(lx) < 2 {
		return 0, 0, errors.New("classical: a log-log fit needs two positive points")
	}
	intercept, slope = stat.LinearRegression(lx, ly, nil, false)
	return slope, intercept, nil
}
