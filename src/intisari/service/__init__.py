"""The service layer: the one internal API that the JSON routes and the pages both call."""
