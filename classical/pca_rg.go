package classical

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/dsp/fourier"
	"gonum.org/v1/gonum/mat"
)

// IsingSamples draws n equilibrium configurations (spins ±1, site r·L + c)
// of the L×L ferromagnetic Ising model (J = 1, no field) at temperature t
// with Wolff cluster updates: thermalize sweeps first, then interval
// sweeps between kept configurations (a sweep flips about L² spins).
func IsingSamples(l int, t float64, n, thermalize, interval int, rng *rand.Rand) ([][]float64, error) {
	if n < 1 || thermalize < 0 || interval < 1 {
		return nil, fmt.Errorf("classical: %d samples, %d thermalisation sweeps, interval %d: want ≥ 1, ≥ 0, ≥ 1", n, thermalize, interval)
	}
	if !(t > 0) || math.IsInf(t, 0) {
		return nil, fmt.Errorf("classical: temperature %v, want a finite T > 0", t)
	}
	m, err := NewIsing(l, 1, 0)
	if err != nil {
		return nil, err
	}
	m.Randomize(rng)
	sw, err := newSweeper(WolffUpdate, 1, 0)
	if err != nil {
		return nil, err
	}
	beta := 1 / t
	if err := sw.thermalize(m, beta, max(thermalize, 1), rng); err != nil {
		return nil, err
	}
	out := make([][]float64, n)
	for k := range out {
		for range interval {
			if err := sw.sweep(m, beta, rng); err != nil {
				return nil, err
			}
		}
		out[k] = make([]float64, len(m.Spins))
		for i, s := range m.Spins {
			out[k][i] = float64(s)
		}
	}
	return out, nil
}

// SpinPCA returns the principal components of configurations x: the
// eigenvalues (descending) and unit eigenvectors of the second-moment
// matrix C_ij = ⟨s_i s_j⟩ over the samples — the covariance, since the
// Ising measure without field is symmetric under s → −s (Bradde & Bialek,
// J. Stat. Phys. 167, 462 (2017), arXiv:1610.09733).
func SpinPCA(x [][]float64) (values []float64, vectors [][]float64, err error) {
	if len(x) == 0 {
		return nil, nil, errors.New("classical: PCA of no samples")
	}
	n := len(x[0])
	data := mat.NewDense(len(x), n, nil)
	for i, r := range x {
		if len(r) != n {
			return nil, nil, fmt.Errorf("classical: sample %d has %d sites, want %d", i, len(r), n)
		}
		data.SetRow(i, r)
	}
	var c mat.SymDense
	c.SymOuterK(1/float64(len(x)), data.T())
	var eig mat.EigenSym
	if !eig.Factorize(&c, true) {
		return nil, nil, errors.New("classical: PCA eigendecomposition failed")
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return vals[order[a]] > vals[order[b]] })
	for _, j := range order {
		values = append(values, vals[j])
		vectors = append(vectors, mat.Col(nil, j, &vecs))
	}
	return values, vectors, nil
}

// PlaneWaveOverlap returns how much of the unit vector v on an L×L lattice
// lies in the span of one family of plane waves: the largest, over wave
// vectors k = 2π(p, q)/L, of Σ|⟨v|e^{ik′·r}⟩|²/L² over the orbit of k
// under the lattice's symmetries, k′ ∈ {(±p, ±q), (±q, ±p)} — the modes a
// translation- and rotation-invariant covariance cannot tell apart. A
// principal component that is a Fourier mode (or a mixture of degenerate
// ones) scores 1; (p, q) with 0 ≤ q ≤ p ≤ L/2 names the family found.
func PlaneWaveOverlap(v []float64, l int) (overlap float64, p, q int, err error) {
	if len(v) != l*l {
		return 0, 0, 0, fmt.Errorf("classical: vector of %d sites on a %d×%d lattice", len(v), l, l)
	}
	power := powerSpectrum(v, l)
	for a := 0; a <= l/2; a++ {
		for b := 0; b <= a; b++ {
			seen := map[int]bool{}
			s := 0.0
			for _, kk := range [][2]int{{a, b}, {-a, b}, {a, -b}, {-a, -b}, {b, a}, {-b, a}, {b, -a}, {-b, -a}} {
				i := ((kk[0]%l+l)%l)*l + (kk[1]%l+l)%l
				if !seen[i] {
					seen[i] = true
					s += power[i]
				}
			}
			if s > overlap {
				overlap, p, q = s, a, b
			}
		}
	}
	norm := 0.0
	for _, x := range v {
		norm += x * x
	}
	return overlap / norm, p, q, nil
}

// powerSpectrum returns |Σ_r v_r e^{−ik·r}|²/L² for every k = 2π(a, b)/L,
// index a·L + b, by a 2-D FFT (gonum's dsp/fourier, rows then columns).
func powerSpectrum(v []float64, l int) []float64 {
	fft := fourier.NewCmplxFFT(l)
	rows := make([]complex128, l*l)
	for i, x := range v {
		rows[i] = complex(x, 0)
	}
	buf := make([]complex128, l)
	for r := range l {
		fft.Coefficients(rows[r*l:(r+1)*l], rows[r*l:(r+1)*l])
	}
	for c := range l {
		for r := range l {
			buf[r] = rows[r*l+c]
		}
		fft.Coefficients(buf, buf)
		for r := range l {
			rows[r*l+c] = buf[r]
		}
	}
	out := make([]float64, l*l)
	for i, z := range rows {
		a := cmplx.Abs(z)
		out[i] = a * a / float64(l*l)
	}
	return out
}

// latticeMomentum returns |k̂| = 2√(sin²(k_x/2) + sin²(k_y/2)) for
// k = 2π(p, q)/L: the wave number whose square is the eigenvalue of the
// lattice Laplacian, so that λ ∝ |k̂|^−(2−η) holds beyond the smallest k
// (the free lattice field has λ ∝ 1/|k̂|² exactly).
func latticeMomentum(p, q, l int) float64 {
	sx, sy := math.Sin(math.Pi*float64(p)/float64(l)), math.Sin(math.Pi*float64(q)/float64(l))
	return 2 * math.Sqrt(sx*sx+sy*sy)
}

// SpectrumPoint is one shell of wave vectors of the PCA spectrum: the
// orbit {(±p, ±q), (±q, ±p)} of k = 2π(p, q)/L.
type SpectrumPoint struct {
	K      float64 // lattice momentum |k̂| (latticeMomentum)
	Lambda float64 // the mean eigenvalue of the shell's modes
	Modes  int     // how many wave vectors share it
}

// FourierSpectrum returns the PCA eigenvalues of a translation-invariant
// ensemble as a function of the wave number: translation invariance makes
// the covariance circulant, diagonalised by plane waves, so the eigenvalue
// of mode k is the structure factor S(k) = ⟨|Σ_r s_r e^{−ik·r}|²⟩/L²,
// computed here by FFT (O(L² log L) per sample instead of the O(L⁶) of an
// eigendecomposition, which makes L = 64 cheap). The modes of one orbit
// of the lattice symmetries are averaged; k = 0 is left out.
func FourierSpectrum(x [][]float64, l int) ([]SpectrumPoint, error) {
	if len(x) == 0 {
		return nil, errors.New("classical: spectrum of no samples")
	}
	s := make([]float64, l*l)
	for i, v := range x {
		if len(v) != l*l {
			return nil, fmt.Errorf("classical: sample %d has %d sites, want %d", i, len(v), l*l)
		}
		axpy(1/float64(len(x)), powerSpectrum(v, l), s)
	}
	// Shells are orbits {(±p, ±q), (±q, ±p)}, keyed by p ≥ q ≥ 0.
	shells := map[[2]int]*SpectrumPoint{}
	for a := range l {
		for b := range l {
			p, q := min(a, l-a), min(b, l-b)
			if p < q {
				p, q = q, p
			}
			if p == 0 {
				continue
			}
			sp, ok := shells[[2]int{p, q}]
			if !ok {
				sp = &SpectrumPoint{K: latticeMomentum(p, q, l)}
				shells[[2]int{p, q}] = sp
			}
			sp.Lambda += s[a*l+b]
			sp.Modes++
		}
	}
	var out []SpectrumPoint
	for _, sp := range shells {
		sp.Lambda /= float64(sp.Modes)
		out = append(out, *sp)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].K < out[j].K })
	return out, nil
}

// SpectrumExponent fits λ(k) ∝ k^(−a) on the shells with kMin ≤ k ≤ kMax
// and returns a; at T_c the 2-D Ising model has a = 2 − η = 7/4 (η = 1/4,
// the anomalous dimension; Bradde & Bialek's PCA version of the RG).
func SpectrumExponent(pts []SpectrumPoint, kMin, kMax float64) (float64, error) {
	var k, lam []float64
	for _, p := range pts {
		if p.K >= kMin && p.K <= kMax {
			k, lam = append(k, p.K), append(lam, p.Lambda)
		}
	}
	s, _, err := LogLogSlope(k, lam)
	return -s, err
}
