package classical

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"sync"
)

// MaxExactUnits is the largest layer ExactLogZ sums over: 2^24 ≈ 1.7·10⁷
// states, a few seconds.
const MaxExactUnits = 24

// ExactLogZ returns log Z exactly by summing over every state of the
// smaller layer with the other layer summed out analytically:
//
//	Z = Σ_h e^{cᵀh} Π_i (1 + e^{b_i + (Wh)_i})           (over h)
//	Z = Σ_v e^{bᵀv} Π_j (1 + e^{c_j + (vᵀW)_j})          (over v)
//	Z = Σ_h e^{cᵀh} (2π)^{V/2} e^{(‖b + Wh‖² − ‖b‖²)/2}   (Gaussian v)
//
// States are visited in Gray-code order, so each costs one vector update,
// split over GOMAXPROCS goroutines for large layers. It returns an error
// when the smaller layer (the hidden one for Gaussian visibles) has more
// than MaxExactUnits units; use AIS then.
func (r *RBM) ExactLogZ() (float64, error) {
	overHidden := r.Gaussian || r.Hidden <= r.Visible
	k := r.Visible
	if overHidden {
		k = r.Hidden
	}
	if k > MaxExactUnits {
		return 0, fmt.Errorf("classical: exact log Z sums over 2^%d states; at most 2^%d (use AIS)", k, MaxExactUnits)
	}
	var s sumProblem
	if overHidden {
		s = sumProblem{base: r.B, lin: r.C, gauss: r.Gaussian, rows: make([][]float64, r.Hidden)}
		for j := range s.rows {
			s.rows[j] = make([]float64, r.Visible)
			for i := range r.Visible {
				s.rows[j][i] = r.W[i*r.Hidden+j]
			}
		}
	} else {
		s = sumProblem{base: r.C, lin: r.B, rows: make([][]float64, r.Visible)}
		for i := range s.rows {
			s.rows[i] = r.W[i*r.Hidden : (i+1)*r.Hidden]
		}
	}
	logZ := s.logSum()
	if r.Gaussian {
		logZ += float64(r.Visible)/2*math.Log(2*math.Pi) - dot(r.B, r.B)/2
	}
	return logZ, nil
}

// sumProblem is log Σ_{s ∈ {0,1}^k} exp(linᵀs + g(base + Σ_t s_t rows_t))
// with g(a) = Σ softplus(a_i), or ‖a‖²/2 when gauss.
type sumProblem struct {
	base, lin []float64
	rows      [][]float64
	gauss     bool
}

// logSum evaluates the sum in Gray-code order over parallel chunks.
func (s *sumProblem) logSum() float64 {
	k := len(s.rows)
	chunks := 1
	for chunks < runtime.GOMAXPROCS(0) && k-bits.Len(uint(chunks)) >= 12 {
		chunks *= 2
	}
	size := uint64(1) << k / uint64(chunks)
	maxs, sums := make([]float64, chunks), make([]float64, chunks)
	var wg sync.WaitGroup
	for c := range chunks {
		wg.Go(func() { maxs[c], sums[c] = s.chunk(uint64(c)*size, uint64(c+1)*size) })
	}
	wg.Wait()
	m := math.Inf(-1)
	for _, x := range maxs {
		m = math.Max(m, x)
	}
	var total float64
	for c := range chunks {
		total += sums[c] * math.Exp(maxs[c]-m)
	}
	return m + math.Log(total)
}

// chunk returns (m, Σ exp(term − m)) over the Gray codes of lo..hi−1.
func (s *sumProblem) chunk(lo, hi uint64) (float64, float64) {
	a := append([]float64(nil), s.base...)
	code := lo ^ lo>>1
	var lin float64
	for t := range s.rows {
		if code>>t&1 == 1 {
			axpy(1, s.rows[t], a)
			lin += s.lin[t]
		}
	}
	m, sum := math.Inf(-1), 0.0
	for n := lo; n < hi; n++ {
		if n > lo {
			t := bits.TrailingZeros64(n)
			sign := 1.0
			if code>>t&1 == 1 {
				sign = -1
			}
			code ^= 1 << t
			axpy(sign, s.rows[t], a)
			lin += sign * s.lin[t]
		}
		x := lin + s.g(a)
		if x > m {
			sum = sum*math.Exp(m-x) + 1
			m = x
		} else {
			sum += math.Exp(x - m)
		}
	}
	return m, sum
}

func (s *sumProblem) g(a []float64) float64 {
	var g float64
	if s.gauss {
		return dot(a, a) / 2
	}
	for _, x := range a {
		g += softplus(x)
	}
	return g
}

// LogLikelihood returns the mean log-likelihood (1/n) Σ log p(x_n) =
// −(1/n) Σ F(x_n) − log Z of the samples x given log Z (from ExactLogZ or
// AIS); for Gaussian visibles it is a log-density.
func (r *RBM) LogLikelihood(x [][]float64, logZ float64) (float64, error) {
	if len(x) == 0 {
		return 0, fmt.Errorf("classical: log-likelihood of no samples")
	}
	a := make([]float64, r.Hidden)
	var f float64
	for _, v := range x {
		if err := r.checkVisible(v); err != nil {
			return 0, err
		}
		f += r.freeEnergy(v, a)
	}
	return -f/float64(len(x)) - logZ, nil
}
