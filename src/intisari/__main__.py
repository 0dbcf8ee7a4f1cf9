from intisari.cli import main

main()
