"""The resource directory screen, its forms and the service picker."""
