package vqc

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/circuit"
)

// GradientMethod selects how a model is differentiated.
type GradientMethod string

const (
	// Auto uses the backend's own Differentiator when it has one and the
	// parameter-shift rule otherwise.
	Auto GradientMethod = "auto"
	// Adjoint requires a Differentiator backend.
	Adjoint GradientMethod = "adjoint"
	// ParameterShift evaluates shifted circuits: exact, and the only method a
	// device that returns expectation values allows.
	ParameterShift GradientMethod = "parameter-shift"
	// FiniteDifference uses central differences: a check, not for training.
	FiniteDifference GradientMethod = "finite-difference"
)

// ParseGradientMethod returns the method with the given name.
func ParseGradientMethod(s string) (GradientMethod, error) {
	switch m := GradientMethod(s); m {
	case Auto, Adjoint, ParameterShift, FiniteDifference:
		return m, nil
	case "":
		return Auto, nil
	}
	return "", fmt.Errorf("unknown gradient method %q (want auto, adjoint, parameter-shift or finite-difference)", s)
}

// finiteDifferenceStep balances truncation (h²) against rounding (ε/h) for
// the central difference of an expectation value.
const finiteDifferenceStep = 1e-6

// ExpectationGradient returns e_k = ⟨obs_k⟩ of c under b and the gradient of
// Σ_k w_k·e_k, w = cotangent(e), with respect to every weight and input, by
// the chosen method. See Differentiator for the contract.
func ExpectationGradient(be Backend, method GradientMethod, c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable,
	cotangent func([]float64) ([]float64, error)) (e, gradWeights, gradInputs []float64, err error) {
	d, isDiff := be.(Differentiator)
	switch method {
	case Auto, "":
		if isDiff {
			return d.ExpectationGradient(c, b, obs, cotangent)
		}
		return parameterShift(be, c, b, obs, cotangent)
	case Adjoint:
		if !isDiff {
			return nil, nil, nil, fmt.Errorf("vqc: backend %T cannot run the adjoint method; use parameter-shift", be)
		}
		return d.ExpectationGradient(c, b, obs, cotangent)
	case ParameterShift:
		return parameterShift(be, c, b, obs, cotangent)
	case FiniteDifference:
		return finiteDifference(be, c, b, obs, cotangent)
	}
	return nil, nil, nil, fmt.Errorf("vqc: unknown gradient method %q", method)
}

// forward evaluates e and the cotangent w = ∂L/∂e.
func forward(be Backend, c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable,
	cotangent func([]float64) ([]float64, error)) (e, w []float64, err error) {
	e, err = be.Expectations(c, b, obs)
	if err != nil {
		return nil, nil, err
	}
	w, err = cotangent(e)
	if err != nil {
		return nil, nil, err
	}
	if len(w) != len(obs) {
		return nil, nil, fmt.Errorf("vqc: cotangent has %d entries for %d observables", len(w), len(obs))
	}
	return e, w, nil
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// parameterShift differentiates every symbolic angle occurrence by the
// gate's shift rule, then distributes the angle derivatives to the weights
// and inputs through the affine coefficients (chain rule).
func parameterShift(be Backend, c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable,
	cotangent func([]float64) ([]float64, error)) (e, gw, gx []float64, err error) {
	e, w, err := forward(be, c, b, obs, cotangent)
	if err != nil {
		return nil, nil, nil, err
	}
	gw, gx = make([]float64, len(b.Weights)), make([]float64, len(b.Inputs))
	shifted := *c
	shifted.Ops = append([]circuit.Op(nil), c.Ops...)
	// at evaluates Σ w_k⟨O_k⟩ with angle k of op i moved by s.
	at := func(i, k int, s float64) (float64, error) {
		op := c.Ops[i]
		op.Params = append([]circuit.Param(nil), op.Params...)
		op.Params[k] = op.Params[k].Offset(s)
		shifted.Ops[i] = op
		v, err := be.Expectations(&shifted, b, obs)
		shifted.Ops[i] = c.Ops[i]
		if err != nil {
			return 0, err
		}
		return dot(w, v), nil
	}
	for i, op := range c.Ops {
		for k, p := range op.Params {
			if p.IsConst() {
				continue
			}
			if op.Gate == nil {
				return nil, nil, nil, fmt.Errorf("vqc: op %d has symbolic angles but no gate", i)
			}
			d, err := shiftDerivative(op.Gate.Shift[k], func(s float64) (float64, error) { return at(i, k, s) })
			if err != nil {
				return nil, nil, nil, err
			}
			for _, t := range p.Terms {
				if t.Kind == circuit.WeightSymbol {
					gw[t.Index] += t.Coef * d
				} else {
					gx[t.Index] += t.Coef * d
				}
			}
		}
	}
	return e, gw, gx, nil
}

// shiftDerivative applies a parameter-shift rule to f(θ + s).
func shiftDerivative(rule circuit.ShiftRule, f func(s float64) (float64, error)) (float64, error) {
	eval := func(shifts ...float64) ([]float64, error) {
		out := make([]float64, len(shifts))
		for i, s := range shifts {
			v, err := f(s)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	switch rule {
	case circuit.TwoTermShift:
		v, err := eval(math.Pi/2, -math.Pi/2)
		if err != nil {
			return 0, err
		}
		return (v[0] - v[1]) / 2, nil
	case circuit.FourTermShift:
		v, err := eval(math.Pi/2, -math.Pi/2, 3*math.Pi/2, -3*math.Pi/2)
		if err != nil {
			return 0, err
		}
		cPlus := (math.Sqrt2 + 1) / (4 * math.Sqrt2)
		cMinus := (math.Sqrt2 - 1) / (4 * math.Sqrt2)
		return cPlus*(v[0]-v[1]) - cMinus*(v[2]-v[3]), nil
	}
	return 0, fmt.Errorf("vqc: no parameter-shift rule (%d)", rule)
}

// finiteDifference differentiates by central differences in every weight
// and input.
func finiteDifference(be Backend, c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable,
	cotangent func([]float64) ([]float64, error)) (e, gw, gx []float64, err error) {
	e, w, err := forward(be, c, b, obs, cotangent)
	if err != nil {
		return nil, nil, nil, err
	}
	diff := func(v []float64) ([]float64, error) {
		g := make([]float64, len(v))
		for i := range v {
			orig := v[i]
			v[i] = orig + finiteDifferenceStep
			plus, err := be.Expectations(c, b, obs)
			if err != nil {
				v[i] = orig
				return nil, err
			}
			v[i] = orig - finiteDifferenceStep
			minus, err := be.Expectations(c, b, obs)
			v[i] = orig
			if err != nil {
				return nil, err
			}
			g[i] = (dot(w, plus) - dot(w, minus)) / (2 * finiteDifferenceStep)
		}
		return g, nil
	}
	weights := append([]float64(nil), b.Weights...)
	inputs := append([]float64(nil), b.Inputs...)
	b = circuit.Binding{Weights: weights, Inputs: inputs}
	if gw, err = diff(weights); err != nil {
		return nil, nil, nil, err
	}
	if gx, err = diff(inputs); err != nil {
		return nil, nil, nil, err
	}
	return e, gw, gx, nil
}
