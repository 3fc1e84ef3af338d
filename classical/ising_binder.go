package classical

import (
	"errors"
	"fmt"
)

// BinderCrossing returns the temperature at which the Binder cumulant
// curves of two lattice sizes cross, the finite-size estimate of T_c
// (Binder, Z. Phys. B 43, 119 (1981)): U_L(T) falls from 2/3 to 0 more
// steeply for larger L, so u1 − u2 changes sign at T_c up to corrections
// to scaling. ts must be increasing with u1 and u2 measured at each; the
// crossing is linearly interpolated within the first bracket where the
// difference changes sign. It returns an error when the curves do not
// cross in the range.
func BinderCrossing(ts, u1, u2 []float64) (float64, error) {
	if len(ts) != len(u1) || len(ts) != len(u2) || len(ts) < 2 {
		return 0, fmt.Errorf("classical: Binder crossing needs ≥ 2 temperatures with one value per curve each, got %d, %d, %d",
			len(ts), len(u1), len(u2))
	}
	for i := 1; i < len(ts); i++ {
		if !(ts[i] > ts[i-1]) {
			return 0, fmt.Errorf("classical: Binder crossing temperatures must increase, got %v then %v", ts[i-1], ts[i])
		}
		d0, d1 := u1[i-1]-u2[i-1], u1[i]-u2[i]
		if d0 == 0 {
			return ts[i-1], nil
		}
		if (d0 < 0) != (d1 < 0) || d1 == 0 {
			return ts[i-1] + (ts[i]-ts[i-1])*d0/(d0-d1), nil
		}
	}
	return 0, errors.New("classical: the Binder cumulant curves do not cross in the temperature range")
}
