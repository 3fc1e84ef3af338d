package optim

import (
	"math"
	"slices"
	"strings"
)

// maxExactInt is the largest integer every smaller one of which a float64
// holds exactly (2⁵³); integer hyperparameters given as float64 must stay
// within it.
const maxExactInt = 1 << 53

// hyper binds one named hyperparameter to a field of a configuration struct,
// so that New can set it from a map and Defaults can read it back. Exactly
// one of f, i, u is non-nil.
type hyper struct {
	key string
	f   *float64
	i   *int
	u   *uint64
}

// get returns the field's value as a float64.
func (h hyper) get() float64 {
	switch {
	case h.f != nil:
		return *h.f
	case h.i != nil:
		return float64(*h.i)
	default:
		return float64(*h.u)
	}
}

// set stores v in the field; integer fields require an integral v (and a
// non-negative one for unsigned fields such as seeds). Range checks beyond
// that are the configuration's Validate.
func (h hyper) set(opt string, v float64) error {
	if h.f != nil {
		*h.f = v
		return nil
	}
	if v != math.Trunc(v) || math.Abs(v) > maxExactInt {
		return &ConfigError{opt, h.key, v, "an integer of magnitude <= 2^53"}
	}
	if h.i != nil {
		*h.i = int(v)
		return nil
	}
	if v < 0 {
		return &ConfigError{opt, h.key, v, "a non-negative integer"}
	}
	*h.u = uint64(v)
	return nil
}

// applyHyper sets the fields of hs named in values, in sorted key order so
// that the first error is reproducible; an unknown key is an error that lists
// the known ones.
func applyHyper(opt string, hs []hyper, values map[string]float64) error {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		i := slices.IndexFunc(hs, func(h hyper) bool { return h.key == k })
		if i < 0 {
			known := make([]string, len(hs))
			for j, h := range hs {
				known[j] = h.key
			}
			return &ConfigError{opt, k, values[k], "a known hyperparameter (" + strings.Join(known, ", ") + ")"}
		}
		if err := hs[i].set(opt, values[k]); err != nil {
			return err
		}
	}
	return nil
}

// hyperMap returns the current values of hs by name.
func hyperMap(hs []hyper) map[string]float64 {
	m := make(map[string]float64, len(hs))
	for _, h := range hs {
		m[h.key] = h.get()
	}
	return m
}
