package spec

// BuildSplit is Build with the data generated and split by dataSeed while
// the model's own random choices (initial parameters, mini-batch order)
// follow s.Seed. A benchmark (package bench) trains every model with k
// seeds on one fixed split, so that the spread it reports is the model's
// and the comparison between models is on identical data.
func BuildSplit(s *Spec, dataSeed uint64) (*Run, error) {
	d := *s
	d.Seed = dataSeed
	r, err := Build(&d)
	if err != nil {
		return nil, err
	}
	// Build drew the initial parameters from dataSeed; draw them again from
	// the model's seed on the same prepared data.
	r.Spec = s
	if r.Trainer, err = s.Model.Config.build(r); err != nil {
		return nil, err
	}
	return r, nil
}
