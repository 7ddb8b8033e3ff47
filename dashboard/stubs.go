package dashboard

import "net/http"

func (s *Server) serveUnits(v *visit) error    { return errNotFound }
func (s *Server) serveProgress(v *visit) error { return errNotFound }
func (s *Server) serveLedger(v *visit) error   { return errNotFound }
func (s *Server) serveRotate(v *visit) error   { return errNotFound }
func (s *Server) serveCalendar(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r)
}
