__all__ = ["leaf", "helper_name"]
helper_name = "helper"
