"""Quiz modules, cases and attempts (built in the quizzes issue)."""
