package control

import (
	"fmt"
	"math/cmplx"

	"github.com/qmlgo/qml/linalg"
)

// workspace holds everything one evaluation writes, reused between calls.
type workspace struct {
	c     [][]complex128 // channel signals c(t) per sample (slice n, node q at n·Q+q)
	gam   [][]complex128 // ∂J/∂c per channel sample: ∂J/∂Re c + i ∂J/∂Im c
	v     [][]float64    // term coefficients per sample
	g     [][]float64    // ∂J/∂v per term sample
	sl    []sliceState
	x     []*linalg.Matrix // X_0 … X_N
	adj   *linalg.Matrix   // Γ_n = ∂J/∂X_n
	grad  *linalg.Matrix   // scratch for objective gradients
	tmp   linalg.Matrix
	dbuf  []complex128 // pulse derivative scratch
	gfull []float64    // ∂J/∂(full parameter vector)
	// objective is the last objective value, without running costs and
	// penalties.
	objective float64
}

// sliceState is one slice's generator, propagator and gradient matrices.
type sliceState struct {
	h    [2]*linalg.Matrix // per node: closed H(t_q); open B(t_q)
	a    *linalg.Matrix    // closed Magnus: H_eff; open: the exponent A
	jac  linalg.JacobiEigen
	w    []float64         // closed: eigenvalues of H_eff
	v    *linalg.Matrix    // closed: eigenvectors
	vh   linalg.Matrix     // closed: V†
	u    linalg.Matrix     // U_n
	m    linalg.Matrix     // M_n = X_{n−1}·Γ_n†
	r    [2]*linalg.Matrix // ∂J/∂(node operator) in the trace pairing
	s, t linalg.Matrix     // scratch
}

func (e *Evaluator) newWorkspace() *workspace {
	q := len(e.nodes)
	ws := &workspace{sl: make([]sliceState, e.n), x: make([]*linalg.Matrix, e.n+1), gfull: make([]float64, len(e.base))}
	for range e.sys.Channels {
		ws.c = append(ws.c, make([]complex128, e.n*q))
		ws.gam = append(ws.gam, make([]complex128, e.n*q))
	}
	for range e.terms {
		ws.v = append(ws.v, make([]float64, e.n*q))
		ws.g = append(ws.g, make([]float64, e.n*q))
	}
	for i := range ws.sl {
		for k := range q {
			ws.sl[i].h[k] = &linalg.Matrix{}
			ws.sl[i].r[k] = &linalg.Matrix{}
		}
		ws.sl[i].a = &linalg.Matrix{}
	}
	for i := range ws.x {
		ws.x[i] = &linalg.Matrix{}
	}
	ws.x[0] = e.x0.Clone()
	ws.adj, ws.grad = &linalg.Matrix{}, &linalg.Matrix{}
	maxLocal := 0
	for _, p := range e.pulses {
		maxLocal = max(maxLocal, p.NumLocal())
	}
	ws.dbuf = make([]complex128, maxLocal)
	return ws
}

// sampleTime returns the time of node q of slice n.
func (e *Evaluator) sampleTime(n, q int) float64 {
	return (float64(n) + e.nodes[q]) * e.dt
}

// driveSample returns drive d's contribution to its channel at sample
// (n, q) and, in ws.dbuf, its derivatives (envelope range [lo, hi) and the
// four quantities).
func (e *Evaluator) driveSample(ws *workspace, full []float64, d Drive, n, q int) (c complex128, lo, hi int) {
	pi := e.index[d.Pulse]
	x := full[e.offset[pi] : e.offset[pi]+d.Pulse.NumLocal()]
	if a := e.avg[pi]; a != nil {
		t0 := float64(n) * e.dt
		return pulseMean(d.Pulse.Envelope, a, x, t0, t0+e.dt, d.Offset, ws.dbuf)
	}
	return pulseGrad(d.Pulse.Envelope, x, e.sampleTime(n, q), d.Offset, ws.dbuf)
}

// sample fills ws.c and ws.v from the full parameter vector.
func (e *Evaluator) sample(ws *workspace, full []float64) {
	q := len(e.nodes)
	for ch, c := range e.sys.Channels {
		sig := ws.c[ch]
		clear(sig)
		for _, d := range c.Drives {
			for n := range e.n {
				for k := range q {
					v, _, _ := e.driveSample(ws, full, d, n, k)
					sig[n*q+k] += v
				}
			}
		}
	}
	for j, t := range e.terms {
		for s, c := range ws.c[t.ch] {
			if t.im {
				ws.v[j][s] = imag(c)
			} else {
				ws.v[j][s] = real(c)
			}
		}
	}
}

// run evaluates the cost of obj at the full parameter vector and, when
// gfull is non-nil, adds ∂J/∂full to it.
func (e *Evaluator) run(ws *workspace, full []float64, obj Objective, gfull []float64) (float64, error) {
	e.sample(ws, full)
	work := e.n * (20*e.dim*e.dim*e.dim + 256) // an eigendecomposition or Padé exponential per slice
	if err := parallel(e.n, e.prob.Workers, work, func(lo, hi int) error {
		for n := lo; n < hi; n++ {
			if err := e.build(ws, n); err != nil {
				return fmt.Errorf("control: slice %d: %w", n, err)
			}
		}
		return nil
	}); err != nil {
		return 0, err
	}
	for n := range e.n {
		if err := ws.x[n+1].Mul(&ws.sl[n].u, ws.x[n]); err != nil {
			return 0, err
		}
	}
	withGrad := gfull != nil
	var gx *linalg.Matrix
	if withGrad {
		gx = ws.adj
		resize(gx, ws.x[e.n])
	}
	j := obj.Cost(ws.x[e.n], gx)
	ws.objective = j
	j += e.running(ws, e.n, gx)
	if withGrad {
		for n := e.n - 1; n >= 0; n-- {
			sl := &ws.sl[n]
			// M_n = X_n·Γ_{n+1}† (X_n is the state before slice n).
			ws.tmp.ConjTranspose(ws.adj)
			if err := sl.m.Mul(ws.x[n], &ws.tmp); err != nil {
				return 0, err
			}
			if n == 0 {
				break
			}
			// Γ_n = U_n†·Γ_{n+1} + Δt·∂r(X_n).
			ws.tmp.ConjTranspose(&sl.u)
			if err := ws.grad.Mul(&ws.tmp, ws.adj); err != nil {
				return 0, err
			}
			ws.adj, ws.grad = ws.grad, ws.adj
			e.running(ws, n, ws.adj)
		}
		if err := parallel(e.n, e.prob.Workers, work, func(lo, hi int) error {
			for n := lo; n < hi; n++ {
				if err := e.sliceGradient(ws, n); err != nil {
					return fmt.Errorf("control: slice %d: %w", n, err)
				}
			}
			return nil
		}); err != nil {
			return 0, err
		}
	}
	for ch := range ws.gam {
		clear(ws.gam[ch])
	}
	if withGrad {
		for k, t := range e.terms {
			g := ws.gam[t.ch]
			for s, v := range ws.g[k] {
				if t.im {
					g[s] += complex(0, v)
				} else {
					g[s] += complex(v, 0)
				}
			}
		}
	}
	for _, p := range e.prob.Penalties {
		j += p.add(e, ws, full, gfull)
	}
	if withGrad {
		e.chain(ws, full, gfull)
	}
	return j, nil
}

// running handles the running costs J_run = Δt·Σ_{k=1..N} r(X_k). With
// n = N it returns J_run and adds Δt·∂r(X_N) to gx (when non-nil); with
// 0 < n < N it only adds Δt·∂r(X_n) to gx, during the backward sweep.
func (e *Evaluator) running(ws *workspace, n int, gx *linalg.Matrix) float64 {
	if len(e.prob.Running) == 0 {
		return 0
	}
	var total float64
	if n == e.n {
		for k := 1; k <= e.n; k++ {
			var g *linalg.Matrix
			if k == e.n && gx != nil {
				g = gx
			}
			for _, r := range e.prob.Running {
				total += e.dt * r.Rate(ws.x[k], g, e.dt)
			}
		}
		return total
	}
	for _, r := range e.prob.Running {
		r.Rate(ws.x[n], gx, e.dt)
	}
	return 0
}

// resize sets m to a zero matrix shaped like like.
func resize(m, like *linalg.Matrix) {
	m.Rows, m.Cols = like.Rows, like.Cols
	if cap(m.Data) < len(like.Data) {
		m.Data = make([]complex128, len(like.Data))
	}
	m.Data = m.Data[:len(like.Data)]
	clear(m.Data)
}

// chain adds ∂J/∂full = Σ_samples Re(conj(γ)·∂c/∂full) to gfull.
func (e *Evaluator) chain(ws *workspace, full, gfull []float64) {
	q := len(e.nodes)
	for ch, c := range e.sys.Channels {
		gam := ws.gam[ch]
		for _, d := range c.Drives {
			pi := e.index[d.Pulse]
			off := e.offset[pi]
			ne := d.Pulse.Envelope.NumParams()
			for n := range e.n {
				for k := range q {
					g := gam[n*q+k]
					if g == 0 {
						continue
					}
					_, lo, hi := e.driveSample(ws, full, d, n, k)
					gc := cmplx.Conj(g)
					for i := lo; i < hi; i++ {
						gfull[off+i] += real(gc * ws.dbuf[i])
					}
					for i := ne; i < ne+int(numQuantities); i++ {
						gfull[off+i] += real(gc * ws.dbuf[i])
					}
				}
			}
		}
	}
}
