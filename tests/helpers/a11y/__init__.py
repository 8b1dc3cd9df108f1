"""The accessibility harness: a private desktop, an AT-SPI client, the walk, its checks."""
