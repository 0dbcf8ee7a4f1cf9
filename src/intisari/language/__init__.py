"""Language: detection, sentence segmentation, and the per-language data (``data/``)."""
