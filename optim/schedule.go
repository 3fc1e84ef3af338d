package optim

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// Schedule gives the step size for step k = 0, 1, 2, … of a run.
type Schedule func(k int) float64

// ExponentialDecay returns the schedule lr0·γᵏ, with lr0 > 0 and γ in (0, 1].
func ExponentialDecay(lr0, gamma float64) (Schedule, error) {
	if err := checkPositive("exponential_decay", "lr", lr0); err != nil {
		return nil, err
	}
	if !(gamma > 0 && gamma <= 1) {
		return nil, &ConfigError{"exponential_decay", "gamma", gamma, "in (0, 1]"}
	}
	return func(k int) float64 { return lr0 * math.Pow(gamma, float64(k)) }, nil
}

// StepDecay returns the schedule lr0·factor^⌊k/every⌋: the step size drops by
// factor (in (0, 1]) every `every` (>= 1) steps.
func StepDecay(lr0, factor float64, every int) (Schedule, error) {
	if err := checkPositive("step_decay", "lr", lr0); err != nil {
		return nil, err
	}
	if !(factor > 0 && factor <= 1) {
		return nil, &ConfigError{"step_decay", "factor", factor, "in (0, 1]"}
	}
	if err := checkAtLeast("step_decay", "every", every, 1); err != nil {
		return nil, err
	}
	return func(k int) float64 { return lr0 * math.Pow(factor, float64(k/every)) }, nil
}

// CosineDecay returns the cosine annealing of Loshchilov & Hutter, "SGDR"
// (ICLR 2017, arXiv:1608.03983, eq. 5) without restarts:
// lrMin + ½(lr0 − lrMin)(1 + cos(πk/steps)) for k < steps, lrMin after.
// It needs 0 < lrMin <= lr0 and steps >= 1.
func CosineDecay(lr0, lrMin float64, steps int) (Schedule, error) {
	if err := checkPositive("cosine_decay", "lr_min", lrMin); err != nil {
		return nil, err
	}
	if !(lr0 >= lrMin) || !finite(lr0) {
		return nil, &ConfigError{"cosine_decay", "lr", lr0, fmt.Sprintf(">= lr_min (%v) and finite", lrMin)}
	}
	if err := checkAtLeast("cosine_decay", "steps", steps, 1); err != nil {
		return nil, err
	}
	return func(k int) float64 {
		if k >= steps {
			return lrMin
		}
		return lrMin + 0.5*(lr0-lrMin)*(1+math.Cos(math.Pi*float64(k)/float64(steps)))
	}, nil
}

// Scheduled is an Optimizer whose step size follows a Schedule: before its
// k-th successful Step it sets the inner optimizer's step size to s(k).
type Scheduled struct {
	opt   Optimizer
	rate  RateSetter
	sched Schedule
	k     int // successful steps so far
}

// WithSchedule wraps opt, which must implement RateSetter, so that its step
// size follows s. The step count is part of the wrapper's State.
func WithSchedule(opt Optimizer, s Schedule) (*Scheduled, error) {
	if s == nil {
		return nil, errors.New("optim: nil schedule")
	}
	rs, ok := opt.(RateSetter)
	if !ok {
		return nil, fmt.Errorf("optim: %T has no learning rate to schedule", opt)
	}
	return &Scheduled{opt: opt, rate: rs, sched: s}, nil
}

// Step sets the scheduled step size, then steps the inner optimizer.
func (s *Scheduled) Step(x []float64, loss float64, grad []float64) error {
	if err := s.rate.SetLearningRate(s.sched(s.k)); err != nil {
		return fmt.Errorf("optim: schedule at step %d: %w", s.k, err)
	}
	if err := s.opt.Step(x, loss, grad); err != nil {
		return err
	}
	s.k++
	return nil
}

// scheduledState is the step count and the inner optimizer's state.
type scheduledState struct {
	Step  int             `json:"step"`
	Inner json.RawMessage `json:"inner"`
}

// State implements Optimizer.
func (s *Scheduled) State() ([]byte, error) {
	inner, err := s.opt.State()
	if err != nil {
		return nil, err
	}
	return marshalState("scheduled", scheduledState{Step: s.k, Inner: inner})
}

// SetState implements Optimizer.
func (s *Scheduled) SetState(data []byte) error {
	var st scheduledState
	if err := unmarshalState("scheduled", data, &st); err != nil {
		return err
	}
	if st.Step < 0 {
		return fmt.Errorf("optim: scheduled: negative step count %d in state", st.Step)
	}
	if err := s.opt.SetState(st.Inner); err != nil {
		return err
	}
	s.k = st.Step
	return nil
}
