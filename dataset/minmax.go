package dataset

import (
	"fmt"
	"math"
)

// MinMaxScaler maps each feature linearly from its fitted range [Min, Max]
// onto [Lo, Hi], typically an angle range such as [0, π] for angle encoding.
// A constant column maps to the midpoint (Lo+Hi)/2.
//
// Test data can fall outside the training range. With Clip set (the
// NewMinMaxScaler default) such values are clipped to [Lo, Hi], so encoded
// angles stay in the range the model was trained on; without it they are
// extrapolated linearly.
type MinMaxScaler struct {
	// Lo and Hi are the target range, Lo < Hi.
	Lo, Hi float64
	// Clip clips transformed values to [Lo, Hi].
	Clip bool
	// Min and Max are the per-column ranges found by Fit.
	Min, Max []float64
}

// NewMinMaxScaler returns a clipping MinMaxScaler onto [lo, hi].
func NewMinMaxScaler(lo, hi float64) *MinMaxScaler {
	return &MinMaxScaler{Lo: lo, Hi: hi, Clip: true}
}

// Fit sets Min and Max from d's columns.
func (s *MinMaxScaler) Fit(d *Dataset) error {
	if !(s.Lo < s.Hi) || math.IsInf(s.Lo, 0) || math.IsInf(s.Hi, 0) {
		return fmt.Errorf("dataset: MinMaxScaler range [%v, %v] must be finite with Lo < Hi", s.Lo, s.Hi)
	}
	if err := fitCheck(d, 1); err != nil {
		return err
	}
	s.Min = append([]float64{}, d.X[0]...)
	s.Max = append([]float64{}, d.X[0]...)
	for _, x := range d.X[1:] {
		for j, v := range x {
			s.Min[j] = min(s.Min[j], v)
			s.Max[j] = max(s.Max[j], v)
		}
	}
	return nil
}

// Transform returns d with every column mapped from [Min, Max] to [Lo, Hi].
func (s *MinMaxScaler) Transform(d *Dataset) (*Dataset, error) {
	if s.Min == nil || len(s.Max) != len(s.Min) {
		return nil, errNotFitted
	}
	return mapRows(d, len(s.Min), len(s.Min), nil, func(dst, src []float64) {
		for j, v := range src {
			span := s.Max[j] - s.Min[j]
			if span == 0 {
				dst[j] = (s.Lo + s.Hi) / 2
				continue
			}
			y := s.Lo + (v-s.Min[j])*(s.Hi-s.Lo)/span
			if s.Clip {
				y = min(max(y, s.Lo), s.Hi)
			}
			dst[j] = y
		}
	})
}
