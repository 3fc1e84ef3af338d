package dataset

import "math"

// Scaler standardises features: x' = (x − Mean) / Std per column, with Mean
// and the population standard deviation Std (divisor n, as sklearn's
// StandardScaler) taken from the data passed to Fit. A constant column
// (Std 0) is only centred.
type Scaler struct {
	Mean, Std []float64
}

// Fit sets Mean and Std from d's columns.
func (s *Scaler) Fit(d *Dataset) error {
	if err := fitCheck(d, 1); err != nil {
		return err
	}
	n, cols := float64(d.Len()), d.Dim()
	s.Mean = make([]float64, cols)
	s.Std = make([]float64, cols)
	for _, x := range d.X {
		for j, v := range x {
			s.Mean[j] += v
		}
	}
	for j := range s.Mean {
		s.Mean[j] /= n
	}
	// Two-pass variance: accurate even when the mean is large.
	for _, x := range d.X {
		for j, v := range x {
			r := v - s.Mean[j]
			s.Std[j] += r * r
		}
	}
	for j := range s.Std {
		s.Std[j] = math.Sqrt(s.Std[j] / n)
	}
	return nil
}

// Transform returns d standardised with the fitted Mean and Std.
func (s *Scaler) Transform(d *Dataset) (*Dataset, error) {
	if s.Mean == nil || len(s.Std) != len(s.Mean) {
		return nil, errNotFitted
	}
	return mapRows(d, len(s.Mean), len(s.Mean), nil, func(dst, src []float64) {
		for j, v := range src {
			sd := s.Std[j]
			if sd == 0 {
				sd = 1
			}
			dst[j] = (v - s.Mean[j]) / sd
		}
	})
}
