from cwgcop.liaisons.models.deliverable import Deliverable, Milestone
from cwgcop.liaisons.models.statement import LiaisonContact, LiaisonStatement

__all__ = ["Deliverable", "LiaisonContact", "LiaisonStatement", "Milestone"]
