package classical

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlgo/qml/dataset"
)

// GP is Gaussian-process regression with an NNGP kernel: the exact
// Bayesian posterior of an infinitely wide network (Lee et al., ICLR
// 2018, eq. 5), computed as in Rasmussen & Williams, Gaussian Processes
// for Machine Learning (2006), Algorithm 2.1, through a Cholesky
// factorisation of K + σ_ε²I. Several targets share the kernel.
type GP struct {
	Kernel NNGPKernel
	Noise  float64     // σ_ε² added to the training kernel's diagonal
	X      [][]float64 // the training inputs
	Alpha  [][]float64 // (K + σ_ε²I)⁻¹Y, one row per training input
	chol   mat.Cholesky
}

// FitGP conditions the GP on targets y (one row per input, any number of
// columns). It fails on empty or ragged data, a bad kernel or noise, and
// when K + σ_ε²I is not positive definite (raise the noise).
func FitGP(k NNGPKernel, noise float64, x, y [][]float64) (*GP, error) {
	if err := k.Validate(); err != nil {
		return nil, err
	}
	if !(noise >= 0) || math.IsInf(noise, 0) {
		return nil, fmt.Errorf("classical: GP noise %v, want a finite σ² ≥ 0", noise)
	}
	n := len(x)
	if n == 0 || len(y) != n || len(y[0]) == 0 {
		return nil, fmt.Errorf("classical: GP needs as many target rows as inputs (%d, %d) and at least one", n, len(y))
	}
	t := len(y[0])
	for i := range x {
		if len(x[i]) != len(x[0]) || len(y[i]) != t {
			return nil, fmt.Errorf("classical: GP row %d is ragged", i)
		}
	}
	g := k.Gram(x, x)
	for i := range n {
		g[i*n+i] += noise
	}
	gp := &GP{Kernel: k, Noise: noise, X: x}
	if !gp.chol.Factorize(mat.NewSymDense(n, g)) {
		return nil, errors.New("classical: GP kernel matrix is not positive definite; increase the noise")
	}
	yd := mat.NewDense(n, t, nil)
	for i, row := range y {
		yd.SetRow(i, row)
	}
	var a mat.Dense
	if err := gp.chol.SolveTo(&a, yd); err != nil {
		return nil, fmt.Errorf("classical: GP solve: %w", err)
	}
	gp.Alpha = make([][]float64, n)
	for i := range n {
		gp.Alpha[i] = mat.Row(nil, i, &a)
	}
	return gp, nil
}

// Predict returns the posterior mean K(x, X)α of every target at each
// input and, when variance is true, the posterior variance
// K(x, x) − K(x, X)(K + σ_ε²I)⁻¹K(X, x) (nil otherwise).
func (g *GP) Predict(x [][]float64, variance bool) (mean [][]float64, vars []float64, err error) {
	n := len(g.X)
	for i, r := range x {
		if len(r) != len(g.X[0]) {
			return nil, nil, fmt.Errorf("classical: GP input %d has %d features, want %d", i, len(r), len(g.X[0]))
		}
	}
	ks := g.Kernel.Gram(x, g.X)
	mean = make([][]float64, len(x))
	for i := range x {
		row := ks[i*n : (i+1)*n]
		m := make([]float64, len(g.Alpha[0]))
		for j, a := range g.Alpha {
			axpy(row[j], a, m)
		}
		mean[i] = m
	}
	if !variance {
		return mean, nil, nil
	}
	vars = make([]float64, len(x))
	for i := range x {
		kv := mat.NewVecDense(n, append([]float64(nil), ks[i*n:(i+1)*n]...))
		var s mat.VecDense
		if err := g.chol.SolveVecTo(&s, kv); err != nil {
			return nil, nil, err
		}
		vars[i] = g.Kernel.Eval(x[i], x[i]) - mat.Dot(kv, &s)
	}
	return mean, vars, nil
}

// NNGPClassifier classifies with GP regression on one-hot targets
// centred to sum to zero (1 − 1/C for the class, −1/C otherwise), taking
// the class of the largest posterior mean — Lee et al.'s NNGP classifier
// (ICLR 2018, sec. 3.2).
type NNGPClassifier struct {
	GP      *GP
	Classes int
}

// FitNNGPClassifier fits the classifier on a labelled dataset.
func FitNNGPClassifier(k NNGPKernel, noise float64, d *dataset.Dataset) (*NNGPClassifier, error) {
	if d == nil || d.Y == nil || d.NumClasses < 2 {
		return nil, errors.New("classical: NNGP classifier needs labelled data with at least 2 classes")
	}
	y := make([][]float64, len(d.Y))
	for i, c := range d.Y {
		y[i] = make([]float64, d.NumClasses)
		for j := range y[i] {
			y[i][j] = -1 / float64(d.NumClasses)
		}
		y[i][c] += 1
	}
	gp, err := FitGP(k, noise, d.X, y)
	if err != nil {
		return nil, err
	}
	return &NNGPClassifier{GP: gp, Classes: d.NumClasses}, nil
}

// Evaluate returns the mean squared error of the posterior mean against
// the centred one-hot targets (the GP's own loss) and the accuracy.
func (c *NNGPClassifier) Evaluate(d *dataset.Dataset) (mse, accuracy float64, err error) {
	mean, _, err := c.GP.Predict(d.X, false)
	if err != nil {
		return 0, 0, err
	}
	right := 0
	for i, m := range mean {
		best := 0
		for j, v := range m {
			t := -1 / float64(c.Classes)
			if j == d.Y[i] {
				t++
			}
			mse += (v - t) * (v - t)
			if v > m[best] {
				best = j
			}
		}
		if best == d.Y[i] {
			right++
		}
	}
	n := float64(len(mean))
	return mse / n, float64(right) / n, nil
}
