package mps

import "github.com/qmlgo/qml/linalg"

// moveCentre moves the orthogonality centre to site j by QR factorisations
// (moving right) or LQ factorisations (moving left), one per site passed.
// These are exact: no singular value is dropped.
func (s *State) moveCentre(j int) error {
	for s.centre < j {
		if err := s.stepRight(); err != nil {
			return err
		}
	}
	for s.centre > j {
		if err := s.stepLeft(); err != nil {
			return err
		}
	}
	return nil
}

// moveInto moves the centre to the nearest site of [lo, hi].
func (s *State) moveInto(lo, hi int) error {
	switch {
	case s.centre < lo:
		return s.moveCentre(lo)
	case s.centre > hi:
		return s.moveCentre(hi)
	}
	return nil
}

// stepRight factorises the centre site (2l × r view) as Q·R, keeps Q there
// (left-canonical) and multiplies R into the next site, which becomes the
// centre.
func (s *State) stepRight() error {
	c := s.centre
	q, r, err := linalg.QR(s.sites[c].rows())
	if err != nil {
		return err
	}
	var next linalg.Matrix
	if err := next.Mul(r, s.sites[c+1].cols()); err != nil {
		return err
	}
	s.sites[c] = fromRows(q)
	s.sites[c+1] = fromCols(&next)
	s.centre++
	return nil
}

// stepLeft factorises the centre site (l × 2r view) as L·Q, keeps Q there
// (right-canonical) and multiplies L into the previous site, which becomes
// the centre.
func (s *State) stepLeft() error {
	c := s.centre
	l, q, err := linalg.LQ(s.sites[c].cols())
	if err != nil {
		return err
	}
	var prev linalg.Matrix
	if err := prev.Mul(s.sites[c-1].rows(), l); err != nil {
		return err
	}
	s.sites[c] = fromCols(q)
	s.sites[c-1] = fromRows(&prev)
	s.centre--
	return nil
}
