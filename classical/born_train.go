package classical

import (
	"errors"
	"fmt"
	"math"
	"time"

	"gonum.org/v1/gonum/mat"
)

// BornTraining configures BornMachine.Train. Zero fields take the
// defaults in brackets.
type BornTraining struct {
	// Sweeps is the number of full sweeps, the center moving from the first
	// site to the last and back (≥ 1).
	Sweeps int
	// LearningRate is the gradient step on each merged two-site tensor
	// [0.05]; Steps the number of steps per bond [1].
	LearningRate float64
	Steps        int
	// OnSweep, if set, is called after every sweep.
	OnSweep func(BornSweep)
}

// BornSweep records one sweep of Born-machine training.
type BornSweep struct {
	Sweep int
	// NLL is the exact mean negative log-likelihood of the training data
	// after the sweep.
	NLL     float64
	MaxBond int
	Seconds float64
}

// Train fits b to the binary rows of x by two-site gradient sweeps on the
// negative log-likelihood L = −(1/n) Σ_x log ψ(x)² + log Z (Han et al.,
// Sec. III B): at bond (k, k+1) the merged tensor B (center, so Z = ‖B‖²)
// takes gradient steps
//
//	∂L/∂B = 2B/Z − (2/n) Σ_x Φ_x / ψ(x),   ψ(x) = ⟨B, Φ_x⟩,
//
// with Φ_x the data's environments around the bond, and is split by a
// truncated SVD that moves the center on (which is how the bond dimension
// adapts to the data). Environments are kept normalised: ψ(x) appears only
// in the ratio Φ_x/ψ(x), which their scale cancels from.
func (b *BornMachine) Train(x [][]float64, cfg BornTraining) ([]BornSweep, error) {
	setDefault(&cfg.LearningRate, 0.05)
	setDefault(&cfg.Steps, 1)
	if cfg.Sweeps < 1 || cfg.Steps < 1 || !(cfg.LearningRate > 0) || math.IsInf(cfg.LearningRate, 0) {
		return nil, fmt.Errorf("classical: Born training with %d sweeps, %d steps, learning rate %v; want ≥ 1, ≥ 1, > 0",
			cfg.Sweeps, cfg.Steps, cfg.LearningRate)
	}
	if len(x) == 0 {
		return nil, errors.New("classical: Born training needs samples")
	}
	for _, v := range x {
		if err := b.checkBits(v); err != nil {
			return nil, err
		}
	}
	for b.Center > 0 {
		if err := b.moveLeft(b.Center); err != nil {
			return nil, err
		}
	}
	t := newBornTrainer(b, x)
	var hist []BornSweep
	for k := 1; k <= cfg.Sweeps; k++ {
		start := time.Now()
		for j := 0; j+1 < b.Sites; j++ {
			if err := t.bond(j, true, cfg); err != nil {
				return hist, err
			}
		}
		for j := b.Sites - 2; j >= 0; j-- {
			if err := t.bond(j, false, cfg); err != nil {
				return hist, err
			}
		}
		nll, err := b.NLL(x)
		if err != nil {
			return hist, err
		}
		st := BornSweep{Sweep: k, NLL: nll, Seconds: time.Since(start).Seconds()}
		for _, d := range b.Bonds {
			st.MaxBond = max(st.MaxBond, d)
		}
		hist = append(hist, st)
		if cfg.OnSweep != nil {
			cfg.OnSweep(st)
		}
	}
	return hist, nil
}

// bornTrainer holds the data's normalised environments: env[k] (n ×
// Bonds[k]) is the contraction of the sites left of bond k or right of it.
type bornTrainer struct {
	b    *BornMachine
	bits [][]int
	env  [][]float64
}

func newBornTrainer(b *BornMachine, x [][]float64) *bornTrainer {
	t := &bornTrainer{b: b, bits: make([][]int, len(x)), env: make([][]float64, b.Sites+1)}
	for i, v := range x {
		t.bits[i] = make([]int, len(v))
		for j, e := range v {
			t.bits[i][j] = int(e)
		}
	}
	ones := make([]float64, len(x))
	for i := range ones {
		ones[i] = 1
	}
	t.env[0], t.env[b.Sites] = ones, append([]float64(nil), ones...)
	for k := b.Sites - 1; k >= 2; k-- {
		t.rightEnv(k)
	}
	return t
}

// rightEnv sets env[k] from site k and env[k+1].
func (t *bornTrainer) rightEnv(k int) {
	b := t.b
	dl, dr := b.Bonds[k], b.Bonds[k+1]
	out := make([]float64, len(t.bits)*dl)
	for i, bits := range t.bits {
		r := t.env[k+1][i*dr : (i+1)*dr]
		e := out[i*dl : (i+1)*dl]
		s := bits[k]
		for a := range dl {
			e[a] = dot(b.Tensors[k][(a*2+s)*dr:(a*2+s+1)*dr], r)
		}
		normalize(e)
	}
	t.env[k] = out
}

// leftEnv sets env[k+1] from env[k] and site k.
func (t *bornTrainer) leftEnv(k int) {
	b := t.b
	dl, dr := b.Bonds[k], b.Bonds[k+1]
	out := make([]float64, len(t.bits)*dr)
	for i, bits := range t.bits {
		l := t.env[k][i*dl : (i+1)*dl]
		e := out[i*dr : (i+1)*dr]
		s := bits[k]
		for a, la := range l {
			axpy(la, b.Tensors[k][(a*2+s)*dr:(a*2+s+1)*dr], e)
		}
		normalize(e)
	}
	t.env[k+1] = out
}

// gradient writes ∂L/∂B for the merged tensor bt of sites j, j+1 (center)
// into grad.
func (t *bornTrainer) gradient(j int, bt, grad []float64) error {
	b := t.b
	dl, dr := b.Bonds[j], b.Bonds[j+2]
	n := float64(len(t.bits))
	copy(grad, bt)
	scale(2/dot(bt, bt), grad)
	for i, bits := range t.bits {
		l, r := t.env[j][i*dl:(i+1)*dl], t.env[j+2][i*dr:(i+1)*dr]
		s, u := bits[j], bits[j+1]
		// ψ = Σ_{a,c} l_a B[a,s,u,c] r_c.
		var psi float64
		for a, la := range l {
			psi += la * dot(bt[(a*2+s)*2*dr+u*dr:(a*2+s)*2*dr+(u+1)*dr], r)
		}
		if psi == 0 {
			return errors.New("classical: a training sample has zero amplitude; the gradient of log ψ² is infinite (lower the learning rate)")
		}
		for a, la := range l {
			axpy(-2*la/(psi*n), r, grad[(a*2+s)*2*dr+u*dr:(a*2+s)*2*dr+(u+1)*dr])
		}
	}
	return nil
}

// bond updates sites j, j+1 with the center on j (right) or j+1 (left)
// and moves the center to the other one.
func (t *bornTrainer) bond(j int, right bool, cfg BornTraining) error {
	b := t.b
	dl, dm, dr := b.Bonds[j], b.Bonds[j+1], b.Bonds[j+2]
	// B[a,s,t,c] = Σ_m A_j[a,s,m] A_{j+1}[m,t,c], row-major (dl·2) × (2·dr).
	var B mat.Dense
	B.Mul(mat.NewDense(dl*2, dm, b.Tensors[j]), mat.NewDense(dm, 2*dr, b.Tensors[j+1]))
	bt := B.RawMatrix().Data
	grad := make([]float64, len(bt))
	for range cfg.Steps {
		if err := t.gradient(j, bt, grad); err != nil {
			return err
		}
		axpy(-cfg.LearningRate, grad, bt)
	}
	var svd mat.SVD
	if !svd.Factorize(&B, mat.SVDThin) {
		return errors.New("classical: SVD of a Born-machine bond tensor did not converge")
	}
	sv := svd.Values(nil)
	k, _ := b.Truncation.Keep(sv)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	left, rightT := make([]float64, dl*2*k), make([]float64, k*2*dr)
	for row := range dl * 2 {
		for c := range k {
			w := u.At(row, c)
			if !right {
				w *= sv[c]
			}
			left[row*k+c] = w
		}
	}
	for c := range k {
		for col := range 2 * dr {
			w := v.At(col, c)
			if right {
				w *= sv[c]
			}
			rightT[c*2*dr+col] = w
		}
	}
	b.Tensors[j], b.Tensors[j+1], b.Bonds[j+1] = left, rightT, k
	if right {
		b.Center = j + 1
		b.normalize()
		t.leftEnv(j)
	} else {
		b.Center = j
		b.normalize()
		t.rightEnv(j + 1)
	}
	return nil
}
