package dashboard

func (s *Server) serveProgress(v *visit) error { return errNotFound }
