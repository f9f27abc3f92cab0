"""What the quiz announces, so that other apps (boards, tallies, the review queue) can follow without quizzes
knowing them. Both are sent inside the transaction that wrote the scores: a receiver's failure rolls them back.
"""

from django.dispatch import Signal

# A learner's attempt was scored for the first time. Arguments: attempt (an Attempt), now (datetime).
attempt_scored = Signal()
# Stored attempts were rescored after a key changed. Arguments: attempts (list of Attempt, new scores saved).
attempts_regraded = Signal()
