package classical

import (
	"errors"
	"fmt"
	"math"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlgo/qml/dataset"
)

// SweepConfig configures MPSClassifier.Train. Zero fields take the
// defaults in brackets.
type SweepConfig struct {
	// Sweeps is the number of full sweeps, each moving the class index
	// from the first site to the last and back (≥ 1).
	Sweeps int
	// CGSteps is the number of conjugate-gradient steps on each bond
	// tensor [2]: the cost is quadratic in it, so a few steps from the
	// current tensor go most of the way to the bond's least-squares optimum
	// without overfitting it (the paper takes gradient steps instead).
	CGSteps int
	// Ridge is an L2 penalty (α/2)‖B‖² on each bond tensor [0].
	Ridge float64
	// RotationInit keeps the constructor's rotation initialisation
	// (mpsChain.rotationInit). By default the first Train of a new
	// classifier replaces it by the data initialisation (mpsChain.dataInit,
	// at the constructor's bond dimension), whose environments generalise
	// far better: on MNIST 14×14 (2000 training images, bond 20) one
	// sweep reaches 0.89 test accuracy from it and 0.46 from the rotations.
	RotationInit bool
	// OnSweep, if set, is called after every sweep.
	OnSweep func(SweepStats)
	// OnBond, if set, is called after every bond update with the number of
	// bonds done in this sweep and the total.
	OnBond func(done, total int)
}

// SweepStats records one sweep.
type SweepStats struct {
	Sweep int
	// Cost and Accuracy are the training cost and accuracy after the
	// sweep's last bond update.
	Cost, Accuracy float64
	// MaxBond is the largest bond dimension; Discarded the largest
	// discarded weight of any split in the sweep.
	MaxBond   int
	Discarded float64
	Seconds   float64
}

// Train runs cfg.Sweeps DMRG sweeps on the labelled data d (values in
// [0, 1], one feature per site) and returns their records. At bond (j,
// j+1) the two site tensors are merged into B (with the class index), the
// quadratic cost is minimised over B with the environments of the other
// sites held fixed, and B is split by a truncated SVD that leaves the
// class index on the next site (Stoudenmire and Schwab, Fig. 6). The
// first Train of a new classifier starts from the data initialisation
// (see SweepConfig.RotationInit).
func (m *MPSClassifier) Train(d *dataset.Dataset, cfg SweepConfig) ([]SweepStats, error) {
	setDefault(&cfg.CGSteps, 2)
	if cfg.Sweeps < 1 || cfg.CGSteps < 1 || !(cfg.Ridge >= 0) {
		return nil, fmt.Errorf("classical: %d sweeps, %d CG steps, ridge %v; want ≥ 1, ≥ 1 and ≥ 0", cfg.Sweeps, cfg.CGSteps, cfg.Ridge)
	}
	if d == nil || d.Y == nil || d.Len() == 0 {
		return nil, errors.New("classical: training a classifier needs labelled samples")
	}
	if d.NumClasses > m.Classes {
		return nil, fmt.Errorf("classical: data has %d classes, the MPS %d", d.NumClasses, m.Classes)
	}
	for _, x := range d.X {
		if err := m.checkInput(x); err != nil {
			return nil, err
		}
	}
	if m.Label != 0 {
		return nil, fmt.Errorf("classical: MPS class index on site %d; training starts from site 0", m.Label)
	}
	if m.fresh && !cfg.RotationInit {
		bond := 0
		for _, b := range m.Bonds {
			bond = max(bond, b)
		}
		if err := m.dataInit(featureRows(d.X), bond); err != nil {
			return nil, err
		}
	}
	m.fresh = false
	s := newMPSSweeper(m, d, cfg)
	var hist []SweepStats
	for k := 1; k <= cfg.Sweeps; k++ {
		start := time.Now()
		st, err := s.sweep()
		if err != nil {
			return hist, err
		}
		st.Sweep, st.Seconds = k, time.Since(start).Seconds()
		hist = append(hist, st)
		if cfg.OnSweep != nil {
			cfg.OnSweep(st)
		}
	}
	return hist, nil
}

// mpsSweeper holds the data and environments of one Train.
type mpsSweeper struct {
	m   *MPSClassifier
	cfg SweepConfig
	n   int
	// phi[i][2j+s] is φ_s(x_ij); y is the one-hot targets, n×Classes.
	phi [][]float64
	y   []float64
	// env[k] holds, for every sample, the normalised contraction of the
	// sites left of bond k (k ≤ the bond tensor's left site) or right of
	// it, n×Bonds[k].
	env [][]float64
	// psi (n×P) and the CG buffers are reused across bonds.
	psi, f []float64
}

func newMPSSweeper(m *MPSClassifier, d *dataset.Dataset, cfg SweepConfig) *mpsSweeper {
	n, sites := d.Len(), m.Sites
	s := &mpsSweeper{m: m, cfg: cfg, n: n, phi: featureRows(d.X), y: make([]float64, n*m.Classes),
		env: make([][]float64, sites+1)}
	for i, y := range d.Y {
		s.y[i*m.Classes+y] = 1
	}
	for _, k := range []int{0, sites} {
		s.env[k] = make([]float64, n)
		for i := range s.env[k] {
			s.env[k][i] = 1
		}
	}
	for k := sites - 1; k >= 2; k-- {
		s.rightEnv(k)
	}
	return s
}

// featureRows returns φ(x) of every sample as a row, φ_s(x_j) at 2j+s.
func featureRows(x [][]float64) [][]float64 {
	phi := make([][]float64, len(x))
	for i, xi := range x {
		phi[i] = make([]float64, 2*len(xi))
		for j, v := range xi {
			p := FeatureMap(v)
			phi[i][2*j], phi[i][2*j+1] = p[0], p[1]
		}
	}
	return phi
}

// rightEnv sets env[k] from site k (a plain tensor) and env[k+1].
func (s *mpsSweeper) rightEnv(k int) {
	m := s.m
	dl, dr := m.Bonds[k], m.Bonds[k+1]
	t := m.Tensors[k]
	out := make([]float64, s.n*dl)
	for i := range s.n {
		r := s.env[k+1][i*dr : (i+1)*dr]
		e := out[i*dl : (i+1)*dl]
		p0, p1 := s.phi[i][2*k], s.phi[i][2*k+1]
		for a := range dl {
			e[a] = p0*dot(t[(a*2)*dr:(a*2+1)*dr], r) + p1*dot(t[(a*2+1)*dr:(a*2+2)*dr], r)
		}
		normalize(e)
	}
	s.env[k] = out
}

// leftEnv sets env[k+1] from env[k] and site k (a plain tensor).
func (s *mpsSweeper) leftEnv(k int) {
	m := s.m
	dl, dr := m.Bonds[k], m.Bonds[k+1]
	t := m.Tensors[k]
	out := make([]float64, s.n*dr)
	for i := range s.n {
		l := s.env[k][i*dl : (i+1)*dl]
		e := out[i*dr : (i+1)*dr]
		p0, p1 := s.phi[i][2*k], s.phi[i][2*k+1]
		for a, la := range l {
			axpy(la*p0, t[(a*2)*dr:(a*2+1)*dr], e)
			axpy(la*p1, t[(a*2+1)*dr:(a*2+2)*dr], e)
		}
		normalize(e)
	}
	s.env[k+1] = out
}

// normalize scales v to unit norm and returns the log of its old norm
// (0 for a zero vector, which stays zero).
func normalize(v []float64) float64 {
	nrm := math.Sqrt(dot(v, v))
	if nrm == 0 {
		return 0
	}
	scale(1/nrm, v)
	return math.Log(nrm)
}

// sweep moves the class index from site 0 to the last site and back.
func (s *mpsSweeper) sweep() (SweepStats, error) {
	m := s.m
	st := SweepStats{}
	total, done := 2*(m.Sites-1), 0
	for j := 0; j+1 < m.Sites; j++ {
		if err := s.bond(j, true, &st); err != nil {
			return st, err
		}
		done++
		if s.cfg.OnBond != nil {
			s.cfg.OnBond(done, total)
		}
	}
	for j := m.Sites - 2; j >= 0; j-- {
		if err := s.bond(j, false, &st); err != nil {
			return st, err
		}
		done++
		if s.cfg.OnBond != nil {
			s.cfg.OnBond(done, total)
		}
	}
	for _, b := range m.Bonds {
		st.MaxBond = max(st.MaxBond, b)
	}
	// s.f holds the outputs of the last bond update, the final model's.
	correct := 0
	L := m.Classes
	for i := range s.n {
		f := s.f[i*L : (i+1)*L]
		for l, v := range f {
			e := v - s.y[i*L+l]
			st.Cost += e * e / 2
		}
		if s.y[i*L+argmax(f)] == 1 {
			correct++
		}
	}
	st.Cost /= float64(s.n)
	st.Accuracy = float64(correct) / float64(s.n)
	return st, nil
}

// bond optimises sites j and j+1 together; right says the class index is
// on j and moves to j+1 (else it is on j+1 and moves to j).
func (s *mpsSweeper) bond(j int, right bool, st *SweepStats) error {
	m := s.m
	dl, dm, dr, L := m.Bonds[j], m.Bonds[j+1], m.Bonds[j+2], m.Classes
	p := dl * 4 * dr
	// B[((a*2+s)*2+t)*dr+b][ℓ] = Σ_c T_j[a,s,c(,ℓ)] T_{j+1}[c,t,b(,ℓ)].
	b := make([]float64, p*L)
	tj, tk := m.Tensors[j], m.Tensors[j+1]
	for a := range dl {
		for sj := range 2 {
			for c := range dm {
				for t := range 2 {
					for bb := range dr {
						row := b[(((a*2+sj)*2+t)*dr+bb)*L : (((a*2+sj)*2+t)*dr+bb+1)*L]
						if right {
							w := tk[(c*2+t)*dr+bb]
							axpy(w, tj[((a*2+sj)*dm+c)*L:((a*2+sj)*dm+c+1)*L], row)
						} else {
							w := tj[(a*2+sj)*dm+c]
							axpy(w, tk[((c*2+t)*dr+bb)*L:((c*2+t)*dr+bb+1)*L], row)
						}
					}
				}
			}
		}
	}
	s.buildPsi(j, p)
	if err := s.optimize(b, p); err != nil {
		return err
	}
	return s.split(j, right, b, st)
}

// buildPsi fills psi (n×P) with l ⊗ φ_j ⊗ φ_{j+1} ⊗ r for every sample,
// the environments l and r normalised: the unit-norm input as the bond
// tensor sees it (see MPSClassifier on why each sample is normalised).
func (s *mpsSweeper) buildPsi(j, p int) {
	m := s.m
	dl, dr := m.Bonds[j], m.Bonds[j+2]
	if cap(s.psi) < s.n*p {
		s.psi = make([]float64, s.n*p)
	}
	s.psi = s.psi[:s.n*p]
	for i := range s.n {
		l, r := s.env[j][i*dl:(i+1)*dl], s.env[j+2][i*dr:(i+1)*dr]
		ph := s.phi[i][2*j : 2*j+4]
		row := s.psi[i*p : (i+1)*p]
		for a, la := range l {
			for sj := range 2 {
				for t := range 2 {
					c := la * ph[sj] * ph[2+t]
					dst := row[((a*2+sj)*2+t)*dr : ((a*2+sj)*2+t+1)*dr]
					for bb, rb := range r {
						dst[bb] = c * rb
					}
				}
			}
		}
	}
}

// optimize takes cfg.CGSteps conjugate-gradient steps on the bond tensor
// b (P×L) for the cost (1/2n)‖ΨB − Y‖² + (α/2)‖B‖², and leaves the final
// outputs ΨB in s.f. Each step costs two products with Ψ (n×P), the
// whole update 2 + 2·CGSteps.
func (s *mpsSweeper) optimize(b []float64, p int) error {
	L, n := s.m.Classes, s.n
	psi := mat.NewDense(n, p, s.psi)
	B := mat.NewDense(p, L, b)
	// F holds the residual Y − ΨB throughout; R = −∇ = (1/n) ΨᵀF − αB.
	Y := mat.NewDense(n, L, s.y)
	F := mat.NewDense(n, L, nil)
	F.Mul(psi, B)
	F.Sub(Y, F)
	R := mat.NewDense(p, L, nil)
	R.Mul(psi.T(), F)
	R.Scale(1/float64(n), R)
	alpha := s.cfg.Ridge
	if alpha > 0 {
		R.Add(R, scaled(-alpha, B))
	}
	P := mat.DenseCopyOf(R)
	rr := mat.Sum(mulElem(R, R))
	Q := mat.NewDense(n, L, nil)
	HP := mat.NewDense(p, L, nil)
	for range s.cfg.CGSteps {
		if rr == 0 {
			break
		}
		Q.Mul(psi, P)
		HP.Mul(psi.T(), Q)
		HP.Scale(1/float64(n), HP)
		if alpha > 0 {
			HP.Add(HP, scaled(alpha, P))
		}
		pHp := mat.Sum(mulElem(P, HP))
		if !(pHp > 0) {
			break
		}
		a := rr / pHp
		B.Add(B, scaled(a, P))
		F.Sub(F, scaled(a, Q))
		R.Sub(R, scaled(a, HP))
		rrNew := mat.Sum(mulElem(R, R))
		P.Scale(rrNew/rr, P)
		P.Add(P, R)
		rr = rrNew
	}
	if math.IsNaN(rr) || math.IsInf(rr, 0) {
		return errors.New("classical: MPS bond optimisation diverged (non-finite gradient)")
	}
	// The outputs ΨB = Y − F, without another product with Ψ.
	F.Sub(Y, F)
	s.f = F.RawMatrix().Data
	return nil
}

func scaled(a float64, m *mat.Dense) *mat.Dense {
	var out mat.Dense
	out.Scale(a, m)
	return &out
}

func mulElem(a, b *mat.Dense) *mat.Dense {
	var out mat.Dense
	out.MulElem(a, b)
	return &out
}

// split factors the optimised bond tensor by a truncated SVD, keeps the
// isometric factor (times √2) on the site left behind and puts S·Vᵀ (or
// U·S), divided by √2, with the class index on the other, then updates
// the environment of the site left behind.
func (s *mpsSweeper) split(j int, right bool, b []float64, st *SweepStats) error {
	m := s.m
	dl, dr, L := m.Bonds[j], m.Bonds[j+2], m.Classes
	var M *mat.Dense
	if right {
		// Rows (a,s), columns (t,b,ℓ): B's own layout.
		M = mat.NewDense(dl*2, 2*dr*L, b)
	} else {
		// Rows (a,s,ℓ), columns (t,b).
		M = mat.NewDense(dl*2*L, 2*dr, nil)
		for as := range dl * 2 {
			for tb := range 2 * dr {
				for l := range L {
					M.Set(as*L+l, tb, b[(as*2*dr+tb)*L+l])
				}
			}
		}
	}
	var svd mat.SVD
	if !svd.Factorize(M, mat.SVDThin) {
		return errors.New("classical: SVD of an MPS bond tensor did not converge")
	}
	sv := svd.Values(nil)
	k, discarded := m.Truncation.Keep(sv)
	st.Discarded = math.Max(st.Discarded, discarded)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	m.Bonds[j+1] = k
	const r2 = math.Sqrt2
	if right {
		a := make([]float64, dl*2*k)
		for row := range dl * 2 {
			for c := range k {
				a[row*k+c] = r2 * u.At(row, c)
			}
		}
		// T_{j+1}[c,t,b,ℓ] = s_c V[(t,b,ℓ)][c] / √2.
		t := make([]float64, k*2*dr*L)
		for c := range k {
			for col := range 2 * dr * L {
				t[c*2*dr*L+col] = sv[c] * v.At(col, c) / r2
			}
		}
		m.Tensors[j], m.Tensors[j+1], m.Label = a, t, j+1
		s.leftEnv(j)
		return nil
	}
	// A_{j+1}[c,t,b] = √2 V[(t,b)][c]; T_j[a,s,c,ℓ] = U[(a,s,ℓ)][c] s_c / √2.
	a := make([]float64, k*2*dr)
	for c := range k {
		for col := range 2 * dr {
			a[c*2*dr+col] = r2 * v.At(col, c)
		}
	}
	t := make([]float64, dl*2*k*L)
	for as := range dl * 2 {
		for c := range k {
			for l := range L {
				t[(as*k+c)*L+l] = u.At(as*L+l, c) * sv[c] / r2
			}
		}
	}
	m.Tensors[j], m.Tensors[j+1], m.Label = t, a, j
	s.rightEnv(j + 1)
	return nil
}
