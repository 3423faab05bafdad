package dev.hundred.server.events;

/** Something that happened, published by a service inside the transaction that made it happen. */
public interface DomainEvent {}
