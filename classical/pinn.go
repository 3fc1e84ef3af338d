package classical

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"time"

	"github.com/qmlgo/qml/optim"
)

// PINNNetwork is a trial function u(x; θ) with exact first and second
// input derivatives: the tanh network TanhNet here, or a differentiable
// quantum circuit (vqc.PINNCircuit, which spec adapts to this interface),
// so that one loss and one trainer serve both.
type PINNNetwork interface {
	// NumParams is len(θ).
	NumParams() int
	// Params returns the initial θ; Fit trains a copy and stores the result
	// back into it.
	Params() []float64
	// Jet returns (u, u′, u″) at x. With grad non-nil it then asks cot for
	// adjoints (a, b, c) and adds ∇_θ(a·u + b·u′ + c·u″) to grad. It must be
	// safe for concurrent use with distinct grad slices.
	Jet(theta []float64, x float64, cot func(u, du, d2u float64) (a, b, c float64), grad []float64) (u, du, d2u float64, err error)
}

// PINN is a physics-informed neural network for an Oscillator (Raissi,
// Perdikaris & Karniadakis, J. Comput. Phys. 378, 686 (2019)): it trains a
// network u(x; θ) on
//
//	C(θ) = (1/N) Σᵢ (u(xᵢ) − uᵢ)² + (1/M) Σⱼ ([m d²/dx² + μ d/dx + k] u(xⱼ))²
//	       + λ [(u(x₀) − U0)² + (u′(x₀) − V0)²]  (soft initial conditions only),
//
// a data term on optional points (DataX, DataU) and a residual term on
// the collocation points. With Hard the initial conditions hold exactly by
// construction (after Lagaris, Likas & Fotiadis, IEEE TNN 9, 987 (1998)):
//
//	u(x) = U0 + V0·σ·tanh τ + tanh²τ · N(x),   τ = (x − x₀)/σ,  σ = √(m/k),
//
// so u(x₀) = U0 and u′(x₀) = V0 whatever N is, and the network N only has to
// make the residual vanish. The tanh factors (where Lagaris has powers of
// x − x₀) saturate after one natural period σ of the oscillator, so N stays
// of the order of u itself over a long interval; a bounded network (a
// circuit's expectation value) can then represent it.
type PINN struct {
	ODE         Oscillator
	Net         PINNNetwork
	Lo, Hi      float64   // the interval
	Collocation []float64 // residual points xⱼ
	DataX       []float64 // optional data points xᵢ
	DataU       []float64 // and their values uᵢ
	Hard        bool      // build the initial conditions into u
	ICWeight    float64   // λ of the soft initial conditions
	// Workers evaluates the points on this many goroutines (0: GOMAXPROCS).
	Workers int
}

// Validate checks the problem.
func (p *PINN) Validate() error {
	if err := p.ODE.Validate(); err != nil {
		return err
	}
	switch {
	case p.Net == nil:
		return errors.New("classical: PINN has no network")
	case !(p.Hi > p.Lo):
		return fmt.Errorf("classical: PINN interval [%v, %v] is empty", p.Lo, p.Hi)
	case len(p.Collocation) == 0:
		return errors.New("classical: PINN has no collocation points")
	case len(p.DataX) != len(p.DataU):
		return fmt.Errorf("classical: PINN has %d data points and %d values", len(p.DataX), len(p.DataU))
	case !p.Hard && !(p.ICWeight > 0):
		return fmt.Errorf("classical: soft initial conditions need a weight > 0, got %v", p.ICWeight)
	}
	return nil
}

// Grid returns n equally spaced points from lo to hi inclusive (n ≥ 2), the
// usual collocation set.
func Grid(lo, hi float64, n int) []float64 {
	if n < 2 {
		return []float64{lo}
	}
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	return xs
}

// hardFactors returns, at x, the jets of h = σ tanh τ and g = tanh²τ of the
// hard constraint u = U0 + V0·h + g·N.
func (p *PINN) hardFactors(x float64) (h, dh, d2h, g, dg, d2g float64) {
	sigma := math.Sqrt(p.ODE.M / p.ODE.K)
	th := math.Tanh((x - p.ODE.X0) / sigma)
	s2 := 1 - th*th // sech²τ
	return sigma * th, s2, -2 * th * s2 / sigma,
		th * th, 2 * th * s2 / sigma, (2*s2*s2 - 4*th*th*s2) / (sigma * sigma)
}

// lift turns the network's jet (N, N′, N″) at x into u's (the identity
// without the hard constraint).
func (p *PINN) lift(x, n, dn, d2n float64) (u, du, d2u float64) {
	if !p.Hard {
		return n, dn, d2n
	}
	h, dh, d2h, g, dg, d2g := p.hardFactors(x)
	v := p.ODE.V0
	return p.ODE.U0 + v*h + g*n, v*dh + dg*n + g*dn, v*d2h + d2g*n + 2*dg*dn + g*d2n
}

// lower turns adjoints of (u, u′, u″) at x into adjoints of (N, N′, N″),
// the transpose of lift's Jacobian (the Leibniz rule for g·N).
func (p *PINN) lower(x, a, b, c float64) (float64, float64, float64) {
	if !p.Hard {
		return a, b, c
	}
	_, _, _, g, dg, d2g := p.hardFactors(x)
	return a*g + b*dg + c*d2g, b*g + 2*c*dg, c * g
}

// jet evaluates (u, u′, u″) at x, and with grad the gradient of
// a·u + b·u′ + c·u″ where (a, b, c) = cot(u, u′, u″).
func (p *PINN) jet(theta []float64, x float64, cot func(u, du, d2u float64) (a, b, c float64), grad []float64) (u, du, d2u float64, err error) {
	var inner func(n, dn, d2n float64) (a, b, c float64)
	if cot != nil {
		inner = func(n, dn, d2n float64) (float64, float64, float64) {
			a, b, c := cot(p.lift(x, n, dn, d2n))
			return p.lower(x, a, b, c)
		}
	}
	n, dn, d2n, err := p.Net.Jet(theta, x, inner, grad)
	if err != nil {
		return 0, 0, 0, err
	}
	u, du, d2u = p.lift(x, n, dn, d2n)
	return u, du, d2u, nil
}

// U returns u(x), u′(x), u″(x) of the network's current parameters.
func (p *PINN) U(x float64) (u, du, d2u float64, err error) {
	return p.jet(p.Net.Params(), x, nil, nil)
}

// lossTerm is one point of the loss: a residual, a data point or the soft
// initial conditions.
type lossTerm struct {
	x    float64
	kind int // 0 residual, 1 data, 2 initial conditions
	i    int // index of the data point
}

// terms lists the points of the loss.
func (p *PINN) terms() []lossTerm {
	var terms []lossTerm
	for _, x := range p.Collocation {
		terms = append(terms, lossTerm{x: x})
	}
	for i, x := range p.DataX {
		terms = append(terms, lossTerm{x, 1, i})
	}
	if !p.Hard {
		terms = append(terms, lossTerm{p.ODE.X0, 2, 0})
	}
	return terms
}

// termLoss returns the loss of term t given u, u′, u″ there, and its
// adjoints (∂/∂u, ∂/∂u′, ∂/∂u″).
func (p *PINN) termLoss(t lossTerm, u, du, d2u float64) (loss, a, b, c float64) {
	switch t.kind {
	case 0:
		m := float64(len(p.Collocation))
		r, dr := p.ODE.Residual(t.x, u, du, d2u)
		f := 2 * r / m
		return r * r / m, f * dr[0], f * dr[1], f * dr[2]
	case 1:
		nd := float64(len(p.DataX))
		e := u - p.DataU[t.i]
		return e * e / nd, 2 * e / nd, 0, 0
	}
	e0, e1 := u-p.ODE.U0, du-p.ODE.V0
	return p.ICWeight * (e0*e0 + e1*e1), 2 * p.ICWeight * e0, 2 * p.ICWeight * e1, 0
}

// PINNBatchNetwork is a PINNNetwork that evaluates many points at once
// more cheaply than one by one (vqc.PINNCircuit, whose general
// parameter-shift rule costs the same for any number of points). The
// arguments are those of Jet, with cot told the point's index, plus the
// number of goroutines (0: GOMAXPROCS).
type PINNBatchNetwork interface {
	PINNNetwork
	Jets(theta, xs []float64, cot func(i int, u, du, d2u float64) (a, b, c float64), grad []float64, workers int) (u, du, d2u []float64, err error)
}

// Loss returns C(θ) and, with grad non-nil, writes ∇C into it.
func (p *PINN) Loss(theta, grad []float64) (float64, error) {
	terms := p.terms()
	loss := make([]float64, len(terms))
	if grad != nil {
		clear(grad)
	}
	if bn, ok := p.Net.(PINNBatchNetwork); ok {
		xs := make([]float64, len(terms))
		for k, t := range terms {
			xs[k] = t.x
		}
		cot := func(k int, n, dn, d2n float64) (float64, float64, float64) {
			t := terms[k]
			u, du, d2u := p.lift(t.x, n, dn, d2n)
			l, a, b, c := p.termLoss(t, u, du, d2u)
			loss[k] = l
			return p.lower(t.x, a, b, c)
		}
		n, dn, d2n, err := bn.Jets(theta, xs, cot, grad, p.Workers)
		if err != nil {
			return 0, err
		}
		total := 0.0
		for k := range terms {
			if grad == nil {
				cot(k, n[k], dn[k], d2n[k])
			}
			total += loss[k]
		}
		return total, nil
	}
	errs := make([]error, len(terms))
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(terms)))
	grads := make([][]float64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		if grad != nil {
			grads[w] = make([]float64, len(theta))
		}
		wg.Go(func() {
			for k := w; k < len(terms); k += workers {
				t := terms[k]
				cot := func(u, du, d2u float64) (a, b, c float64) {
					loss[k], a, b, c = p.termLoss(t, u, du, d2u)
					return a, b, c
				}
				if grad == nil {
					u, du, d2u, err := p.jet(theta, t.x, nil, nil)
					errs[k] = err
					cot(u, du, d2u)
					continue
				}
				_, _, _, errs[k] = p.jet(theta, t.x, cot, grads[w])
			}
		})
	}
	wg.Wait()
	total := 0.0
	for k := range terms {
		if errs[k] != nil {
			return 0, errs[k]
		}
		total += loss[k]
	}
	for _, g := range grads {
		if g != nil {
			axpy(1, g, grad)
		}
	}
	return total, nil
}

// PINNTraining sets up PINN.Fit: Adam steps first (robust far from the
// solution), then L-BFGS (fast and precise near it), the usual PINN recipe.
type PINNTraining struct {
	AdamSteps  int     // Adam iterations (0: none)
	LR         float64 // Adam step size
	LBFGSIters int     // L-BFGS major iterations (0: none)
	// OnStep, if set, is called after every Adam step and every L-BFGS
	// evaluation with the phase ("adam" or "lbfgs"), a step count and the loss.
	OnStep func(phase string, step int, loss float64)
}

// PINNReport summarises a fit.
type PINNReport struct {
	AdamLoss, FinalLoss float64 // loss after Adam and at the end
	Evaluations         int     // loss-and-gradient evaluations
	Seconds             float64
}

// Fit trains the network's parameters in place.
func (p *PINN) Fit(cfg PINNTraining) (PINNReport, error) {
	if err := p.Validate(); err != nil {
		return PINNReport{}, err
	}
	start := time.Now()
	theta := p.Net.Params()
	grad := make([]float64, len(theta))
	var rep PINNReport
	var failed error
	obj := func(x, g []float64) float64 {
		l, err := p.Loss(x, g)
		rep.Evaluations++
		if err != nil {
			if failed == nil {
				failed = err
			}
			return math.NaN()
		}
		return l
	}
	if cfg.AdamSteps > 0 {
		adam, err := optim.NewAdam(optim.AdamConfig{LR: cfg.LR, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8})
		if err != nil {
			return rep, err
		}
		for s := 1; s <= cfg.AdamSteps; s++ {
			l := obj(theta, grad)
			if failed != nil {
				return rep, failed
			}
			if err := adam.Step(theta, l, grad); err != nil {
				return rep, err
			}
			rep.AdamLoss = l
			if cfg.OnStep != nil {
				cfg.OnStep("adam", s, l)
			}
		}
	}
	rep.FinalLoss = rep.AdamLoss
	if cfg.LBFGSIters > 0 {
		lcfg := optim.DefaultLBFGSConfig()
		lcfg.MaxIters, lcfg.Memory, lcfg.GradTol = cfg.LBFGSIters, 50, 1e-12
		n := 0
		wrapped := func(x, g []float64) float64 {
			l := obj(x, g)
			n++
			if cfg.OnStep != nil {
				cfg.OnStep("lbfgs", n, l)
			}
			return l
		}
		res, err := optim.MinimizeLBFGS(wrapped, theta, lcfg)
		if failed != nil {
			return rep, failed
		}
		// gonum ends a converged run with a failed line search at times;
		// keep its best point whenever it has one.
		if res.X != nil {
			copy(theta, res.X)
			rep.FinalLoss = res.F
		} else if err != nil {
			return rep, err
		}
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// MaxError returns max |u(x) − u_exact(x)| over xs.
func (p *PINN) MaxError(xs []float64) (float64, error) {
	worst := 0.0
	for _, x := range xs {
		u, _, _, err := p.U(x)
		if err != nil {
			return 0, err
		}
		worst = math.Max(worst, math.Abs(u-p.ODE.Exact(x)))
	}
	return worst, nil
}
